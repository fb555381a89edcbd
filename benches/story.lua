-- wrk script: GET /story/ID for story ids drawn at random from $PARALLAX_IDS (default
-- bench-out/serve/ids.txt).
local ids = {}
for line in io.lines(os.getenv("PARALLAX_IDS") or "bench-out/serve/ids.txt") do
  ids[#ids + 1] = line
end
math.randomseed(42)
request = function()
  return wrk.format("GET", "/story/" .. ids[math.random(#ids)])
end
