#!/bin/sh
# Stage 2 of the VM runner, run by busybox init (pid 1) in the switched root: runs the command with the
# caller's environment and working directory, its stdout and stderr on their own virtio ports (clean channels,
# apart from the console's boot messages), writes its exit status to the runner's channel and powers off.
C=/run/oci-vm
port() {
  for d in /sys/class/virtio-ports/*; do
    [ "$(cat "$d/name" 2>/dev/null)" = "$1" ] && { echo "/dev/${d##*/}"; return; }
  done
  echo /dev/console
}
out=$(port oci-vm.stdout)
err=$(port oci-vm.stderr)
env -i /bin/sh -c ". $C/env && . $C/command" < /dev/null > "$out" 2> "$err"
echo $? > $C/status.tmp && mv $C/status.tmp $C/status
sync
. $C/params
"$BUSYBOX" poweroff -f
