-- <close> variables are closed when an error unwinds the block
local log = {}
local function closer(name)
  return setmetatable({}, {__close = function(_, err)
    log[#log + 1] = name .. "<" .. tostring(err) .. ">"
  end})
end
local function flush(ok, e) print(ok, tostring(e), table.concat(log, " ")) log = {} end

flush(pcall(function()
  local a <close> = closer("a")
  local b <close> = closer("b")
  error("boom", 0)
end))

-- the error object is passed as is (tables too)
local errobj = setmetatable({}, {__tostring = function() return "ERR" end})
flush(pcall(function()
  local c <close> = closer("c")
  error(errobj)
end))

-- runtime errors with positions
flush(pcall(function()
  local d <close> = closer("d")
  local x = nil
  return x.field
end))

-- an error inside __close replaces the original error
flush(pcall(function()
  local e1 <close> = closer("e1")
  local bad <close> = setmetatable({}, {__close = function(_, err)
    error("close error (was: " .. tostring(err) .. ")", 0)
  end})
  local e2 <close> = closer("e2")
  error("original", 0)
end))

-- an error in __close on normal exit becomes the error
flush(pcall(function()
  local f1 <close> = closer("f1")
  local bad <close> = setmetatable({}, {__close = function() error("failed while closing", 0) end})
  return "normal"
end))

-- closing continues through nested functions being unwound
local function inner()
  local i <close> = closer("inner")
  error("deep", 0)
end
flush(pcall(function()
  local o <close> = closer("outer")
  inner()
end))

-- xpcall: the handler runs before the variables are closed
flush(xpcall(function()
  local h <close> = closer("h")
  error("handled", 0)
end, function(m) log[#log + 1] = "handler(" .. m .. ")" return m end))

-- error with nil: __close receives nil... and the error is nil
flush(pcall(function()
  local n <close> = closer("n")
  error(nil)
end))
