"""The command line as a clerk meets it: Chinese help, clear errors, exit codes."""

import subprocess
import sys


def drafter(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "drafter", *args], capture_output=True, text=True, cwd=cwd)


def test_help_is_chinese_and_lists_commands():
    result = drafter("--help")
    assert result.returncode == 0
    assert "用法：" in result.stdout and "显示本帮助并退出" in result.stdout
    for command in ("parse", "new", "fill", "render", "draft", "batch", "check"):
        assert command in result.stdout
    assert "--version   显示版本号并退出" in result.stdout and "show program" not in result.stdout


def test_version():
    from drafter import __version__

    result = drafter("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"drafter {__version__}"


def test_missing_arguments_exit_2_in_chinese():
    result = drafter("parse")
    assert result.returncode == 2
    assert "缺少必需的参数" in result.stderr


def test_missing_input_file_exit_2_without_traceback(tmp_path):
    result = drafter("parse", str(tmp_path / "无此文件.txt"), "-o", str(tmp_path / "x.yaml"))
    assert result.returncode == 2
    assert "无此文件.txt" in result.stderr and "文件不存在" in result.stderr
    assert "Traceback" not in result.stderr
