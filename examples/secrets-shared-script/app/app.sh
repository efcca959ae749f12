#!/bin/sh
# Stands in for the real program: shows its configuration and keeps the
# container running. "serve" and "work" only change the message.
set -eu

echo "app $1 with:"
cat /etc/app/app.conf
exec sleep infinity
