#!/bin/sh
# Waits for the database, installs WordPress into the shared volume on first
# start, then runs the command (php-fpm in the foreground).
set -eu

tries=0
until nc -z mariadb 3306; do
    tries=$((tries + 1))
    if [ "$tries" -ge 30 ]; then
        echo "database port 3306 is still closed after 60 s" >&2
        exit 1
    fi
    sleep 2
done

until mysqladmin ping -h mariadb -u "$MYSQL_USER" -p"$MYSQL_PASSWORD" --silent; do
    sleep 2
done

if [ ! -f wp-config.php ]; then
    wp core download --allow-root
    wp config create --allow-root \
        --dbname="$MYSQL_DATABASE" \
        --dbuser="$MYSQL_USER" \
        --dbpass="$MYSQL_PASSWORD" \
        --dbhost="$WORDPRESS_DB_HOST"
    wp core install --allow-root \
        --url="https://$DOMAIN_NAME" \
        --title="$WORDPRESS_TITLE" \
        --admin_user="$WORDPRESS_ADMIN_USER" \
        --admin_password="$WORDPRESS_ADMIN_PASSWORD" \
        --admin_email="$WORDPRESS_ADMIN_EMAIL" \
        --skip-email
    chown -R www-data:www-data /var/www/html
fi

exec "$@"
