#!/usr/bin/env bash
# The tests, exactly what CI runs (.ci/run calls this): the reactor's suite, then the example plugin
# built against nelc-api as a third party builds it (nelc-api installed into the local Maven repository,
# then examples/plugin-example's own tests) and used through the CLI with --plugins; last the five studies
# of docs/beyond-the-paper.md in --quick mode, questions 5 and 3 (studies/test-quick.sh).
# Arguments go to every mvn call (e.g. -o for offline).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B "$@" verify
mvn -B -q "$@" install -pl nelc-api -am -DskipTests
mvn -B -q "$@" -f examples/plugin-example/pom.xml verify
examples/plugin-example/try-it.sh nelc-app/target/nelc.jar
# two of the studies of docs/beyond-the-paper.md in --quick mode (tables, figures, resume; ~2 CPU minutes)
studies/test-quick.sh 5 3
