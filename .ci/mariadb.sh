#!/usr/bin/env bash
# Makes sure a MySQL-compatible server answers on 127.0.0.1:3306, with an empty test database and its user.
# Starts the machine's MariaDB when it is stopped; installs it from Debian when it is missing.
set -euo pipefail

DB=${LIANHU_TEST_DB:-lianhu_test}
USER=${LIANHU_TEST_DB_USER:-lianhu}
PASS=${LIANHU_TEST_DB_PASSWORD:-lianhu}

alive() { mysqladmin --protocol=tcp -h127.0.0.1 -P3306 -uroot ping >/dev/null 2>&1; }

if ! alive; then
  if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
    echo "installing mariadb-server"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server mariadb-client >/dev/null
  fi
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
  if [ ! -d /var/lib/mysql/mysql ]; then
    mariadb-install-db --user=mysql --datadir=/var/lib/mysql >/dev/null
  fi
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql \
    --bind-address=127.0.0.1 --port=3306
  for _ in $(seq 1 60); do alive && break; sleep 1; done
fi
alive || { echo "MariaDB did not come up on 127.0.0.1:3306" >&2; exit 1; }

mysql --protocol=tcp -h127.0.0.1 -P3306 -uroot <<SQL
DROP DATABASE IF EXISTS \`$DB\`;
CREATE DATABASE \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$USER'@'localhost' IDENTIFIED BY '$PASS';
CREATE USER IF NOT EXISTS '$USER'@'127.0.0.1' IDENTIFIED BY '$PASS';
GRANT ALL PRIVILEGES ON \`$DB\`.* TO '$USER'@'localhost';
GRANT ALL PRIVILEGES ON \`$DB\`.* TO '$USER'@'127.0.0.1';
GRANT ALL PRIVILEGES ON \`${DB}_2\`.* TO '$USER'@'localhost';
GRANT ALL PRIVILEGES ON \`${DB}_2\`.* TO '$USER'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL
mysql --protocol=tcp -h127.0.0.1 -P3306 -uroot -N -e "SELECT CONCAT('server: ', VERSION())"
