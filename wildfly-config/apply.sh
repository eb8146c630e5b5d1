#!/usr/bin/env bash
# Applies (configure) or removes (restore) the vPBX server configuration on an unpacked WildFly, offline, with
# the embedded CLI. Idempotent: applying twice leaves the configuration as applying once did.
#
#   wildfly-config/apply.sh configure <jboss-home> <settings.properties> <mariadb-java-client.jar>
#   wildfly-config/apply.sh restore   <jboss-home> <settings.properties>
#
# The settings file (key=value lines) holds the values the scripts use (vpbx.db.*, vpbx.smtp.*, vpbx.sip.port,
# ...); see bin/vpbx for how start and the tests write it. In the .cli files, @key@ is replaced by the setting's
# value before the CLI runs, while ${...} stays an expression that the server resolves when it boots.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
action=${1:?configure or restore}
jboss_home=${2:?WildFly home}
settings=${3:?settings file}

case "$action" in
configure)
    driver=${4:?MariaDB driver jar}
    parts=(datasource batch messaging mail security sockets system-properties web)
    module_dir="$jboss_home/modules/org/mariadb/jdbc/main"
    mkdir -p "$module_dir"
    cp "$here/modules/org/mariadb/jdbc/main/module.xml" "$module_dir/module.xml"
    cmp -s "$driver" "$module_dir/mariadb-java-client.jar" || cp "$driver" "$module_dir/mariadb-java-client.jar"
    ;;
restore)
    parts=(web system-properties sockets security mail messaging batch datasource)
    ;;
*)
    echo "usage: $0 configure|restore <jboss-home> <settings.properties> [driver.jar]" >&2
    exit 2
    ;;
esac

commands="embed-server --server-config=standalone-full.xml --std-out=discard"$'\n'
for part in "${parts[@]}"; do
    commands+="$(cat "$here/$action-$part.cli")"$'\n'
done
commands+="stop-embedded-server"$'\n'

shopt -u patsub_replacement 2>/dev/null || true
while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in '#'* | '') continue ;; esac
    key=${line%%=*}
    value=${line#*=}
    commands=${commands//"@$key@"/$value}
done <"$settings"
if missing=$(grep -o '@vpbx\.[a-z.-]*@' <<<"$commands" | sort -u) && [ -n "$missing" ]; then
    echo "apply.sh: $settings lacks: $missing" >&2
    exit 2
fi

script=$(mktemp "${TMPDIR:-/tmp}/vpbx-cli.XXXXXX")
trap 'rm -f "$script"' EXIT
printf '%s' "$commands" >"$script"
"$jboss_home/bin/jboss-cli.sh" --file="$script" >/dev/null

if [ "$action" = restore ]; then
    rm -rf "$jboss_home/modules/org/mariadb"
fi
