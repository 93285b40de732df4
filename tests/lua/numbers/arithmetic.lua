local function show(...) print(...) end
local a, b = 17, 5
show(a + b, a - b, a * b, a / b, a // b, a % b, a ^ 2, -a)
local x, y = 17.5, 5
show(x + y, x - y, x * y, x / y, x // y, x % y, -x)
show(-17 // 5, -17 % 5, 17 // -5, 17 % -5, -17.0 // 5, -17.0 % 5)
show(0.0 == -0.0, 1/(-0.0), 3 % math.huge, -3 % math.huge)
show(2^-1, (-2)^2, -2^2, 2^3^2, (2^3)^2)
show(1 + 2 * 3 - 4 / 2, (1 + 2) * 3, 7 // 2 * 2, 2 * 3 % 4)
show(math.floor(3.7), math.ceil(3.2), math.floor(-3.5), math.floor(5), math.huge, -math.huge)
show(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(7.5, 2))
show(math.tointeger(3.0), math.tointeger(3.5), math.tointeger("8"), math.tointeger(2^70))
show(math.abs(-0.0), math.sqrt(16), math.pi - math.pi % 0.001)
show(7 // 0.0, -7 // 0.0, 0.0 / 0.0 ~= 0.0 / 0.0)
local i = 0
i = i + 1; i = i * 3; i = i - 0.5; i = i / 2
show(i, math.type(i))
show(5 // 2 == 2, 5.0 // 2 == 2, 2^2 == 4, math.type(2^2))
show(string.format("%.3f", 1/3), string.format("%d", 3.0), string.format("%5.1f|", 2.25))
