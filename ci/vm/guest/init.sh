#!/bin/busybox sh
# Stage 1 of the VM runner: the initramfs's /init (busybox sh, run by the kernel as pid 1).
# Loads the modules listed in /modules/order, mounts the host's root (9p tag "host", read-only) under an
# overlay with a tmpfs upper, mounts what a booted host has there, sets up the cgroup layout of the profile
# and hands over to busybox init (which reaps orphans, as a host's pid 1 does), which runs stage2.sh.
# The run's parameters come from the runner's channel (9p tag "chan"): params sets PROFILE, BUSYBOX, SHARES.
/bin/busybox mkdir -p /bin /proc /sys /dev /chan /lower /rw /newroot
/bin/busybox --install -s /bin
export PATH=/bin

fail() {
  echo "oci-vm: stage 1: $*" >&2
  poweroff -f # no status file: the runner reports a failed boot and prints the console
}

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
while read -r m; do
  insmod "/modules/$m" || fail "insmod $m failed"
done < /modules/order

NINEP=trans=virtio,version=9p2000.L,msize=512000
mount -t 9p -o "$NINEP" chan /chan || fail "cannot mount the runner's channel (9p tag chan)"
. /chan/params
mount -t 9p -o "$NINEP,ro,cache=loose" host /lower || fail "cannot mount the host's root (9p tag host)"
mount -t tmpfs -o mode=0755 rw /rw && mkdir -p /rw/upper /rw/work
mount -t overlay -o lowerdir=/lower,upperdir=/rw/upper,workdir=/rw/work overlay /newroot ||
  fail "cannot mount the overlay over the host's root"

R=/newroot
mount -t proc -o nosuid,nodev,noexec proc $R/proc || fail "cannot mount proc"
mount -t sysfs -o nosuid,nodev,noexec sysfs $R/sys || fail "cannot mount sysfs"
mount -t devtmpfs -o nosuid,mode=0755 devtmpfs $R/dev || fail "cannot mount devtmpfs"
mkdir -p $R/dev/pts $R/dev/shm
mount -t devpts -o nosuid,noexec,newinstance,ptmxmode=0666,mode=0620,gid=5 devpts $R/dev/pts
ln -sf pts/ptmx $R/dev/ptmx
mount -t tmpfs -o nosuid,nodev,mode=1777 shm $R/dev/shm
mount -t tmpfs -o nosuid,nodev,mode=0755 run $R/run
mount -t tmpfs -o nosuid,nodev,mode=1777 tmp $R/tmp

CG=$R/sys/fs/cgroup
case "$PROFILE" in
v2)
  # pure v2, mounted as systemd mounts it; the controllers enabled for children as systemd enables them
  mount -t cgroup2 -o nosuid,nodev,noexec,nsdelegate,memory_recursiveprot cgroup2 $CG || fail "cannot mount cgroup2"
  for c in cpuset cpu io memory hugetlb pids rdma misc; do
    grep -qw "$c" $CG/cgroup.controllers && echo "+$c" > $CG/cgroup.subtree_control
  done
  ;;
v1)
  # v1 only: a tmpfs with one hierarchy per controller (the usual pairs share one), as the kernel offers
  # them in /proc/cgroups, plus systemd's named hierarchy; cgroup2 is never mounted, so /proc/*/cgroup has
  # no 0:: line
  mount -t tmpfs -o nosuid,nodev,noexec,mode=0755 cgroup $CG || fail "cannot mount the tmpfs for cgroup v1"
  enabled() { awk -v c="$1" '$1 == c && $4 == 1 { f = 1 } END { exit !f }' /proc/cgroups; }
  for h in cpu,cpuacct net_cls,net_prio $(awk 'NR > 1 && $4 == 1 { print $1 }' /proc/cgroups); do
    case "$h" in cpu|cpuacct|net_cls|net_prio) continue ;; esac
    ok=1
    for c in $(echo "$h" | tr , ' '); do enabled "$c" || ok=; done
    [ -n "$ok" ] || continue
    mkdir -p $CG/$h
    mount -t cgroup -o nosuid,nodev,noexec,$h cgroup $CG/$h || fail "cannot mount the v1 hierarchy $h"
    case "$h" in *,*) for c in $(echo "$h" | tr , ' '); do ln -s $h $CG/$c; done ;; esac
  done
  mkdir -p $CG/systemd
  mount -t cgroup -o nosuid,nodev,noexec,none,name=systemd cgroup $CG/systemd
  ;;
*) fail "unknown profile '$PROFILE'" ;;
esac

mkdir -p $R/run/oci-vm
mount --move /chan $R/run/oci-vm || fail "cannot move the channel into the new root"
i=0
for dir in $SHARES; do
  mkdir -p "$R$dir" && mount -t 9p -o "$NINEP" "share$i" "$R$dir" || fail "cannot mount the share $dir"
  i=$((i + 1))
done

# busybox init runs stage 2 from this inittab (in the overlay: the host's /etc is untouched)
echo "::sysinit:/bin/sh /run/oci-vm/stage2.sh" > $R/etc/inittab
hostname oci-vm
ip link set lo up 2>/dev/null
umount /proc /sys /dev 2>/dev/null
exec switch_root $R "$BUSYBOX" init
