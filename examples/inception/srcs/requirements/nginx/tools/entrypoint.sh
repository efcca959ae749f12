#!/bin/sh
# Creates a self-signed certificate for DOMAIN_NAME on first start, renders
# the server block from its template, then runs the command (nginx).
set -eu

ssl_dir=/etc/nginx/ssl
if [ ! -f "$ssl_dir/$DOMAIN_NAME.crt" ]; then
    mkdir -p "$ssl_dir"
    openssl req -x509 -nodes -newkey rsa:2048 -days 365 \
        -subj "/CN=$DOMAIN_NAME" \
        -keyout "$ssl_dir/$DOMAIN_NAME.key" \
        -out "$ssl_dir/$DOMAIN_NAME.crt"
fi

envsubst '${DOMAIN_NAME}' \
    < /etc/nginx/templates/wordpress.conf.template \
    > /etc/nginx/conf.d/wordpress.conf

exec "$@"
