"""The package build's one step beyond pyproject.toml: the web client's browser libraries are copied from npm
(``web/node_modules``) into the package, so a wheel, or a source archive, serves working pages (see
``web/vendor.py``)."""

import runpy
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

VENDOR_SCRIPT = Path(__file__).resolve().parent / "web" / "vendor.py"


def copy_libraries(*, required: bool) -> None:
    runpy.run_path(str(VENDOR_SCRIPT))["vendor"](required=required)


class BuildPyWithLibraries(build_py):
    """Copy the libraries before the package's files are collected; an editable install may go without them
    (``make web`` copies them after ``npm ci``)."""

    def run(self) -> None:
        copy_libraries(required=not self.editable_mode)
        super().run()


class SdistWithLibraries(sdist):
    """Copy the libraries into a source archive too, so a wheel built from it needs no npm."""

    def run(self) -> None:
        copy_libraries(required=True)
        super().run()


setup(cmdclass={"build_py": BuildPyWithLibraries, "sdist": SdistWithLibraries})
