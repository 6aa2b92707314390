#!/usr/bin/env bash
# A Spark standalone cluster on this machine's loopback (127.0.0.1), with authentication on, from the Maven jars
# of the Spark engine (no Spark distribution needed): one master and N workers, each a child JVM.
#
#   scripts/spark-loopback-cluster.sh start [--dir DIR] [--workers N] [--cores C] [--memory M]
#   SPARSECODE_SPARK_SECRET_FILE=DIR/secret ./sparsecode run FILE.yaml --engine spark --master "$(cat DIR/master-url)"
#   scripts/spark-loopback-cluster.sh stop [--dir DIR]
#   scripts/spark-loopback-cluster.sh status [--dir DIR]
#
# DIR (default sparsecode-spark/target/loopback-cluster) receives:
#   secret              a random secret (mode 600): spark.authenticate is on for the master, the workers, their
#                       executors and every driver; a driver without it is refused. sparsecode reads it from the
#                       file named by SPARSECODE_SPARK_SECRET_FILE, so it appears on no command line.
#   spark-defaults.conf the daemons' settings (mode 600, holds the secret; given with --properties-file)
#   spark-home/jars/    links to the class path's jars: a worker builds its executors' command from SPARK_HOME
#   master-url          spark://127.0.0.1:PORT (the port is chosen by the system unless --port is given)
#   master.pid, worker-K.pid, logs/ (the daemons' output), work/ (the executors' directories and logs)
# Everything listens on 127.0.0.1 only (--host and SPARK_LOCAL_IP, the web UIs included, on ports the system
# chooses); the REST submission server is off. Workers default to 1 core and 1g of memory each; executors take
# spark.executor.memory (1g unless the driver says otherwise), which must fit a worker's memory.
#
# The jars: sparsecode-spark/target/lib/*.jar (built by the launcher's first --engine spark run, or
# mvn -DskipTests package), or the colon-separated SPARSECODE_CLUSTER_CLASSPATH (folders in it are skipped). The
# executors find sparsecode's own classes on the driver's class path: for a master on loopback the Spark engine
# gives them its class path (spark.executor.extraClassPath), valid here since they run on this machine.
# JAVA_HOME picks the java; SPARSECODE_CLUSTER_DAEMON_MEMORY the daemons' heap (default 256m).
set -euo pipefail

ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="$ROOT/sparsecode-spark/target/loopback-cluster"
WORKERS=2
CORES=1
MEMORY=1g
PORT=0
WAIT_S=90
JAVA="java"
[ -n "${JAVA_HOME:-}" ] && JAVA="$JAVA_HOME/bin/java"
# The flags Spark 4 needs on Java 17 (as the launcher and sparsecode-spark/pom.xml give them).
OPENS=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true)

die() {
  echo "spark-loopback-cluster: $*" >&2
  exit 2
}

usage() {
  sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

[ $# -ge 1 ] || usage
CMD="$1"
shift
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) DIR="$2"; shift 2 ;;
    --workers) WORKERS="$2"; shift 2 ;;
    --cores) CORES="$2"; shift 2 ;;
    --memory) MEMORY="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    *) die "unknown argument '$1' (give --dir DIR, --workers N, --cores C, --memory M or --port P)" ;;
  esac
done
[[ "$WORKERS" =~ ^[1-9][0-9]*$ ]] || die "--workers $WORKERS: give a number of workers >= 1"
[[ "$CORES" =~ ^[1-9][0-9]*$ ]] || die "--cores $CORES: give the cores of each worker, >= 1"
[[ "$MEMORY" =~ ^[1-9][0-9]*[mMgG]$ ]] || die "--memory $MEMORY: give each worker's memory as 512m or 2g"
[[ "$PORT" =~ ^[0-9]+$ ]] || die "--port $PORT: give the master's port, or 0 to let the system choose"

alive() {
  [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}

# Stops the process of the pid file $1: TERM (a worker then stops its executors), KILL after 15 s.
stop_pid() {
  local f="$1" pid i
  [ -f "$f" ] || return 0
  pid="$(cat "$f")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for i in $(seq 150); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

# The executors this cluster's workers started that outlived them: java processes whose command line names
# this cluster's SPARK_HOME (an executor's class path starts there), found by process id.
leftover_executors() {
  local p
  for p in /proc/[0-9]*; do
    if tr '\0' ' ' <"$p/cmdline" 2>/dev/null | grep -qF -- "$DIR/spark-home/" \
        && tr '\0' ' ' <"$p/cmdline" 2>/dev/null | grep -qF CoarseGrainedExecutorBackend; then
      echo "${p#/proc/}"
    fi
  done
}

stop_cluster() {
  local f pid
  for f in "$DIR"/worker-*.pid; do
    [ -e "$f" ] && stop_pid "$f"
  done
  for pid in $(leftover_executors); do
    kill -9 "$pid" 2>/dev/null || true
  done
  stop_pid "$DIR/master.pid"
  rm -f "$DIR/master-url"
}

# Waits until the log $1 holds the pattern $2 (grep -E) while the process of pid file $3 lives.
wait_for() {
  local log="$1" pattern="$2" pidfile="$3" i
  for i in $(seq $((WAIT_S * 5))); do
    grep -qE "$pattern" "$log" 2>/dev/null && return 0
    if ! alive "$pidfile"; then
      echo "spark-loopback-cluster: $(basename "$log" .log) stopped; the end of its log ($log):" >&2
      tail -20 "$log" >&2
      return 1
    fi
    sleep 0.2
  done
  echo "spark-loopback-cluster: $(basename "$log" .log) not ready after $WAIT_S s; the end of its log ($log):" >&2
  tail -20 "$log" >&2
  return 1
}

jars() {
  local entries e
  if [ -n "${SPARSECODE_CLUSTER_CLASSPATH:-}" ]; then
    IFS=: read -r -a entries <<<"$SPARSECODE_CLUSTER_CLASSPATH"
    for e in "${entries[@]}"; do
      [[ "$e" == *.jar ]] && [ -f "$e" ] && echo "$e"
    done
    return 0
  fi
  [ -d "$ROOT/sparsecode-spark/target/lib" ] \
    || die "sparsecode-spark/target/lib is missing: build the Spark engine first (./sparsecode run FILE --engine spark" \
      "builds it, or mvn -DskipTests package)"
  ls "$ROOT"/sparsecode-spark/target/lib/*.jar "$ROOT"/sparsecode-spark/target/sparsecode-spark-*.jar 2>/dev/null
}

start_cluster() {
  if alive "$DIR/master.pid"; then
    die "a cluster already runs from $DIR (master $(cat "$DIR/master-url" 2>/dev/null)); stop it first: $0 stop --dir $DIR"
  fi
  stop_cluster
  mkdir -p "$DIR/spark-home/jars" "$DIR/spark-home/conf" "$DIR/logs" "$DIR/work"
  rm -f "$DIR"/spark-home/jars/*
  local jar n=0
  while IFS= read -r jar; do
    ln -sf "$jar" "$DIR/spark-home/jars/$(basename "$jar")"
    n=$((n + 1))
  done < <(jars)
  [ "$n" -gt 0 ] || die "no jars on the class path to start Spark from"
  ls "$DIR"/spark-home/jars/spark-core_*.jar >/dev/null 2>&1 || die "no spark-core jar among the $n jars"

  (umask 077
    # 32 random bytes as hex: the shared secret of the master, the workers, the executors and the drivers
    od -An -tx1 -N32 /dev/urandom | tr -d ' \n' >"$DIR/secret"
    {
      echo "spark.authenticate true"
      echo "spark.authenticate.secret $(cat "$DIR/secret")"
      echo "spark.master.rest.enabled false"
      echo "spark.ui.reverseProxy false"
    } >"$DIR/spark-defaults.conf")

  # the daemons log at INFO into logs/ (the script reads their addresses there); sparsecode's own Log4j file,
  # on the class path too, keeps only errors
  cat >"$DIR/spark-home/conf/log4j2.properties" <<'LOG'
rootLogger.level = info
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n%ex
LOG
  local cp="$DIR/spark-home/jars/*" heap="${SPARSECODE_CLUSTER_DAEMON_MEMORY:-256m}"
  local logconf="-Dlog4j2.configurationFile=$DIR/spark-home/conf/log4j2.properties"
  export SPARK_HOME="$DIR/spark-home" SPARK_LOCAL_IP=127.0.0.1 SPARK_SCALA_VERSION=2.13
  unset SPARK_CONF_DIR SPARK_CLASSPATH SPARK_MASTER_HOST SPARK_MASTER_PORT

  : >"$DIR/logs/master.log"
  "$JAVA" -Xmx"$heap" "$logconf" "${OPENS[@]}" -cp "$cp" org.apache.spark.deploy.master.Master --host 127.0.0.1 \
    --port "$PORT" --webui-port 0 --properties-file "$DIR/spark-defaults.conf" >"$DIR/logs/master.log" 2>&1 &
  echo $! >"$DIR/master.pid"
  if ! wait_for "$DIR/logs/master.log" "Starting Spark master at spark://" "$DIR/master.pid" \
      || ! wait_for "$DIR/logs/master.log" "elected leader" "$DIR/master.pid"; then
    stop_cluster
    exit 1
  fi
  local url
  url="$(grep -m1 -oE 'spark://127\.0\.0\.1:[0-9]+' "$DIR/logs/master.log")"
  echo "$url" >"$DIR/master-url"

  local k
  for k in $(seq "$WORKERS"); do
    mkdir -p "$DIR/work/worker-$k"
    : >"$DIR/logs/worker-$k.log"
    "$JAVA" -Xmx"$heap" "$logconf" "${OPENS[@]}" -cp "$cp" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 \
      --port 0 --webui-port 0 --cores "$CORES" --memory "$MEMORY" --work-dir "$DIR/work/worker-$k" \
      --properties-file "$DIR/spark-defaults.conf" "$url" >"$DIR/logs/worker-$k.log" 2>&1 &
    echo $! >"$DIR/worker-$k.pid"
  done
  for k in $(seq "$WORKERS"); do
    if ! wait_for "$DIR/logs/worker-$k.log" "Successfully registered with master" "$DIR/worker-$k.pid"; then
      stop_cluster
      exit 1
    fi
  done
  echo "spark-loopback-cluster: master $url with $WORKERS worker(s) of $CORES core(s) and $MEMORY each," \
    "authentication on; run with:"
  echo "  SPARSECODE_SPARK_SECRET_FILE=$DIR/secret ./sparsecode run FILE.yaml --engine spark --master $url"
  echo "  stop with: $0 stop --dir $DIR"
}

case "$CMD" in
  start) start_cluster ;;
  stop)
    if alive "$DIR/master.pid" || compgen -G "$DIR/worker-*.pid" >/dev/null; then
      stop_cluster
      echo "spark-loopback-cluster: stopped (logs kept in $DIR/logs)"
    else
      stop_cluster
      echo "spark-loopback-cluster: no cluster runs from $DIR"
    fi
    ;;
  status)
    if alive "$DIR/master.pid"; then
      up=0
      for f in "$DIR"/worker-*.pid; do
        alive "$f" && up=$((up + 1))
      done
      echo "master $(cat "$DIR/master-url") (pid $(cat "$DIR/master.pid")), $up worker(s) running"
    else
      echo "no cluster runs from $DIR"
      exit 1
    fi
    ;;
  *) usage ;;
esac
