-- A mixed workload for wrk: of every ten requests, six read the demo rubric, two create a
-- rubric (a unique title per thread and request) and two re-grade the demo submission.
-- Every answer must be 2xx; the summary counts the others (wrk's status errors).
local counter = 0
local thread_id = 0

function setup(thread)
  thread:set("thread_id", thread_id)
  thread_id = thread_id + 1
end

local form = { ["Authorization"] = "Bearer demo-teacher-token", ["Content-Type"] = "application/x-www-form-urlencoded" }
local read = { ["Authorization"] = "Bearer demo-teacher-token" }

function request()
  counter = counter + 1
  local slot = counter % 10
  if slot < 6 then
    return wrk.format("GET", "/api/v1/courses/1/rubrics/1?include[]=assessments&style=full", read)
  elseif slot < 8 then
    local body = "rubric[title]=Bench+" .. thread_id .. "-" .. counter
      .. "&rubric[criteria][0][description]=Content&rubric[criteria][0][ratings][0][description]=Full"
      .. "&rubric[criteria][0][ratings][0][points]=" .. (counter % 9 + 1) .. ".5"
      .. "&rubric[criteria][0][ratings][1][description]=None&rubric[criteria][0][ratings][1][points]=0"
      .. "&rubric_association[association_type]=Course&rubric_association[association_id]=1"
      .. "&rubric_association[purpose]=bookmark"
    return wrk.format("POST", "/api/v1/courses/1/rubrics", form, body)
  else
    local body = "rubric_assessment[user_id]=3&rubric_assessment[assessment_type]=grading"
      .. "&rubric_assessment[criterion_" .. criterion .. "][points]=" .. (counter % 4)
      .. "&rubric_assessment[criterion_" .. criterion .. "][comments]=bench"
    return wrk.format("POST", "/api/v1/courses/1/rubric_associations/2/rubric_assessments", form, body)
  end
end

function done(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("requests %d in %.1f s: %.0f requests/s\n", summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("errors: %d non-2xx, %d connect, %d read, %d write, %d timeout\n", non2xx,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
