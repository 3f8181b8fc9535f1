#!/bin/sh
# Install PerfDecl from this folder with no network: ./install.sh [TARGET-FOLDER]
# Needs Python 3.11 or later with venv (Debian/UOS/Kylin: python3-venv). Creates a virtual
# environment (default ~/.local/share/perfdecl-app), installs the wheels of ./wheels into it,
# copies the resources, runs the self-test and adds a menu entry for this user.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
target=${1:-"${XDG_DATA_HOME:-$HOME/.local/share}/perfdecl-app"}
python=${PYTHON:-python3}

if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "需要 Python 3.11 或更高版本（当前：$("$python" --version 2>&1)）。可用 PYTHON=路径 ./install.sh 指定。" >&2
    exit 2
fi
if ! "$python" -m venv --help >/dev/null 2>&1; then
    echo "Python 缺少 venv 模块，请先安装 python3-venv。" >&2
    exit 2
fi

# PySide6 6.12 needs glibc 2.34; older systems (UOS 20, Kylin V10: 2.28-2.31) get Qt 6.8 LTS.
glibc=$(getconf GNU_LIBC_VERSION 2>/dev/null | awk '{print $2}')
compat=no
[ "${PERFDECL_QT_COMPAT:-}" = 1 ] && compat=yes  # force it (testing the compatible route)
case "$glibc" in
    2.2[0-9]|2.3[0-3]) compat=yes ;;
esac

echo "正在创建运行环境：$target"
"$python" -m venv "$target"
pip() {
    "$target/bin/python" -m pip install --no-index --find-links "$here/wheels" --quiet "$@"
}
if [ "$compat" = yes ]; then
    echo "系统 glibc $glibc：使用兼容版 Qt（$(grep -m1 PySide6-Essentials "$here/compat-requirements.txt")）"
    # perfdecl names Qt 6.12: install the compatible Qt with the other dependencies, then itself.
    pip -r "$here/compat-requirements.txt"
    pip --no-deps perfdecl
else
    pip perfdecl
fi
mkdir -p "$target/share/perfdecl"
rm -rf "$target/share/perfdecl/resources"
cp -R "$here/resources" "$target/share/perfdecl/resources"

if ! QT_QPA_PLATFORM=offscreen "$target/bin/perfdecl" --smoke-test; then
    echo "自检未通过，安装不完整。" >&2
    exit 3
fi

apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mkdir -p "$apps" "$icons"
cp "$here/resources/icons/perfdecl.png" "$icons/perfdecl.png"
cat > "$apps/perfdecl.desktop" <<DESKTOP
[Desktop Entry]
Type=Application
Name=绩效目标申报助手
Comment=编制、自检、打印和导出部门整体支出绩效目标申报表（离线使用）
Exec="$target/bin/perfdecl" gui %f
Icon=perfdecl
Terminal=false
Categories=Office;Finance;
MimeType=application/x-perfdecl-declaration;application/json;
StartupWMClass=perfdecl
DESKTOP
echo "安装完成。启动：$target/bin/perfdecl ，或在应用程序菜单中打开“绩效目标申报助手”。"
