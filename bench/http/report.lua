-- A wrk script that changes nothing about the requests and only adds, at the end, one line a
-- shell script can read without parsing wrk's human units (µs, ms, s, k, M):
--
--   wrk-result requests=N duration_us=N rps=N p50_us=N p90_us=N p99_us=N max_us=N
--              connect=N read=N write=N timeout=N status=N
--
-- `status` is wrk's own count of answers with a status of 400 or more. Because this script defines
-- neither request() nor response(), wrk still sends one pre-built request and never hands
-- responses to Lua, so it costs nothing during the run.

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      "wrk-result requests=%d duration_us=%d rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d " ..
      "connect=%d read=%d write=%d timeout=%d status=%d\n",
      summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
      e.connect, e.read, e.write, e.timeout, e.status))
end
