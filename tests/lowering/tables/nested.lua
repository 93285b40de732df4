-- Nested tables: chains of field reads and stores.
local config = {server = {host = "localhost", ports = {80, 443}}}
config.server.ports[3] = 8080
print(config.server.host, config.server.ports[2], #config.server.ports)
