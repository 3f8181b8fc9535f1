#!/bin/sh
# Add 绩效目标申报助手 to this user's application menu (no administrator rights needed).
# Run it from the unpacked folder: ./install-menu-entry.sh   (./install-menu-entry.sh --remove)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
if [ "${1:-}" = "--remove" ]; then
    rm -f "$apps/perfdecl.desktop" "$icons/perfdecl.png"
    echo "已移除菜单项（数据库和设置不受影响）。"
    exit 0
fi
mkdir -p "$apps" "$icons"
cp "$here/_internal/resources/icons/perfdecl.png" "$icons/perfdecl.png"
# The packaged entry points at /opt/perfdecl; point this copy at the unpacked folder.
# (Exec takes a quoted path, TryExec a plain one.)
sed -e "s|^Exec=/opt/perfdecl/perfdecl|Exec=\"$here/perfdecl\"|" \
    -e "s|^TryExec=/opt/perfdecl/perfdecl|TryExec=$here/perfdecl|" \
    "$here/perfdecl.desktop" > "$apps/perfdecl.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" >/dev/null 2>&1 || true
echo "已添加菜单项“绩效目标申报助手”（$apps/perfdecl.desktop）。"
