-- wrk script for `POST /api/v1/plan`: every request carries the intake file as its body with
-- `Content-Type: application/json`, and the end of the run prints report.lua's machine-readable
-- `wrk-result` line.
--
-- Usage: wrk -t2 -c64 -d15s --latency -s bench/http/post_plan.lua URL/api/v1/plan -- INTAKE.json
-- (without the argument it reads examples/desk-worker.json relative to the current directory).
--
-- A server answering quickly with 400 or 500 cannot pass for a fast one: wrk counts every answer
-- of 400 and above (the `status` field), and its text reports any non-2xx answer, which
-- bench/http/lib.sh treats as a failed run. The script defines no response() callback on purpose:
-- one would make wrk hand every answer to Lua, costing the client CPU it shares with the server.

dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "report.lua")

-- Runs in each thread's own Lua state. wrk builds the (static) request after init(), so setting
-- wrk.body here is enough.
function init(args)
   local path = args[1] or "examples/desk-worker.json"
   local file = assert(io.open(path, "rb"), "cannot open the intake file " .. path)
   wrk.method = "POST"
   wrk.body = file:read("*a")
   file:close()
   wrk.headers["Content-Type"] = "application/json"
end
