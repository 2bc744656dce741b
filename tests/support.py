"""Small helpers shared by the tests that start real servers."""

from __future__ import annotations

import socket
import subprocess
import threading
import time


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_command(argv: list[str], env: dict, cwd) -> tuple[subprocess.Popen, list[str]]:
    """Start a server command; its output lines are collected in the returned list as they come."""
    process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output: list[str] = []
    threading.Thread(target=lambda: output.extend(process.stdout), daemon=True).start()
    return process, output


def search_when_ready(client, question: str, k: int, timeout: float = 120):
    """/search through gradio_client, retried while the page says its index is still loading."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return client.predict(question=question, k=k, api_name="/search")
        except Exception as exc:
            assert "index" in str(exc).lower() and time.monotonic() < deadline, exc
            time.sleep(0.5)


def write_text_pdf(path, pages: list[str] | tuple[str, ...], size: int = 12, line_height: float = 8) -> None:
    """A real PDF (fpdf2) with one page for each text."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=size)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, line_height, text)
    pdf.output(str(path))
