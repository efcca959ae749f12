#!/bin/sh
# Entrypoint of both the api and the worker service. It reads the database
# password from the compose secret, waits for the database, renders the
# configuration from its template, then runs the command.
set -eu

DB_PASSWORD=$(cat /run/secrets/db_password)
export DB_PASSWORD

# Waits up to 60 seconds for PostgreSQL to accept connections.
wait_for_db() {
    tries=0
    until nc -z db 5432; do
        tries=$((tries + 1))
        if [ "$tries" -ge 30 ]; then
            echo "database $DB_HOST is still closed after 60 s" >&2
            exit 1
        fi
        sleep 2
    done
}

case "$ROLE" in
    api) echo "api of $DB_NAME on port ${APP_PORT:?the api needs APP_PORT}" ;;
    worker) echo "worker of $DB_NAME on queue ${QUEUE:?the worker needs QUEUE}" ;;
esac

wait_for_db
envsubst '${ROLE} ${DB_NAME}' < /etc/app/app.conf.template > /etc/app/app.conf

exec "$@"
