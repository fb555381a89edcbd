#!/usr/bin/env bash
# A standalone Spark cluster on 127.0.0.1 for one job: starts a master and WORKERS workers (one
# core each) with the `spark-class` that the pyspark package ships, runs the Parallax job on it,
# and stops every process it started, by process id, whatever the job's outcome.
# usage: scale/cluster.sh PYTHON WORKERS JOB_ARGS...
#   PYTHON: the interpreter of a virtual environment with pyspark, pyarrow and parallax installed
#   (scale/setup.sh makes one); e.g. scale/cluster.sh .venv-scale/bin/python 2 INPUT --out DIR
set -euo pipefail
python=${1:?usage: scale/cluster.sh PYTHON WORKERS JOB_ARGS...}
workers=${2:?usage: scale/cluster.sh PYTHON WORKERS JOB_ARGS...}
shift 2
here=$(cd "$(dirname "$0")" && pwd)
bin=$(dirname "$python")
export PYSPARK_PYTHON=$python PYSPARK_DRIVER_PYTHON=$python
export SPARK_HOME=$("$python" -c 'import pyspark, os; print(os.path.dirname(pyspark.__file__))')
export SPARK_LOCAL_IP=127.0.0.1 SPARK_NO_DAEMONIZE=1
logs=$(mktemp -d "${TMPDIR:-/tmp}/parallax-spark.XXXXXX")
export SPARK_LOG_DIR=$logs SPARK_WORKER_DIR=$logs/work
port=$(( 20000 + RANDOM % 20000 ))
ui=$(( port + 1 ))
pids=()
stop() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop EXIT

"$bin/spark-class" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port "$ui" >"$logs/master.log" 2>&1 &
pids+=($!)
for i in $(seq 1 "$workers"); do
    "$bin/spark-class" org.apache.spark.deploy.worker.Worker "spark://127.0.0.1:$port" \
        --host 127.0.0.1 --cores 1 --memory 5g --webui-port 0 --work-dir "$logs/work$i" >"$logs/worker$i.log" 2>&1 &
    pids+=($!)
done
# Wait until every worker has registered with the master.
for _ in $(seq 1 120); do
    alive=$("$python" -c 'import json, sys, urllib.request
print(sum(w["state"] == "ALIVE" for w in json.load(urllib.request.urlopen(sys.argv[1], timeout=2))["workers"]))' \
        "http://127.0.0.1:$ui/json/" 2>/dev/null || echo 0)
    [ "$alive" = "$workers" ] && break
    sleep 1
done
if [ "$alive" != "$workers" ]; then
    echo "the Spark cluster did not come up; logs in $logs" >&2
    tail -20 "$logs"/*.log >&2
    exit 1
fi
echo "Spark master spark://127.0.0.1:$port with $workers workers (logs in $logs)" >&2
"$bin/spark-submit" --master "spark://127.0.0.1:$port" \
    --conf spark.executor.cores=1 --conf spark.executor.memory=4g --conf spark.driver.memory=3g \
    --conf spark.sql.shuffle.partitions=16 --conf spark.ui.enabled=false --conf spark.log.level=WARN \
    --conf spark.sql.execution.arrow.maxRecordsPerBatch=256 \
    "$here/job.py" "$@"
