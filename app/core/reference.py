"""Reference lists shipped in ``resources/`` (regions, education, languages, countries, sectors)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from app import paths


def _rows(name: str) -> list[dict[str, str]]:
    with open(paths.resources_dir() / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@dataclass(frozen=True)
class Kelurahan:
    code: str
    name: str
    kecamatan_code: str
    kecamatan_name: str

    @property
    def label(self) -> str:
        """What a person types and reads: "Cipare, Kec. Serang"."""
        return f"{self.name}, Kec. {self.kecamatan_name}"


@dataclass(frozen=True)
class Language:
    code: str
    name_id: str
    name_en: str
    levels: tuple[str, ...]  # lowest first


@dataclass(frozen=True)
class Choice:
    code: str
    name_id: str
    name_en: str


@lru_cache(maxsize=None)
def kecamatan() -> dict[str, str]:
    return {r["code"]: r["name"] for r in _rows("kecamatan.csv")}


@lru_cache(maxsize=None)
def kelurahan() -> dict[str, Kelurahan]:
    kec = kecamatan()
    return {r["code"]: Kelurahan(r["code"], r["name"], r["kecamatan_code"], kec[r["kecamatan_code"]])
            for r in _rows("kelurahan.csv")}


@lru_cache(maxsize=None)
def provinces() -> dict[str, str]:
    return {r["code"]: r["name"] for r in _rows("provinces.csv")}


@lru_cache(maxsize=None)
def education_levels() -> dict[str, tuple[int, str, str]]:
    """code -> (rank, Indonesian name, English name); SMA and SMK share a rank."""
    return {r["code"]: (int(r["rank"]), r["name_id"], r["name_en"]) for r in _rows("education_levels.csv")}


def education_rank(code: str) -> int:
    return education_levels()[code][0]


@lru_cache(maxsize=None)
def languages() -> dict[str, Language]:
    return {r["code"]: Language(r["code"], r["name_id"], r["name_en"], tuple(r["levels"].split("|")))
            for r in _rows("languages.csv")}


def _choices(name: str) -> dict[str, Choice]:
    return {r["code"]: Choice(r["code"], r["name_id"], r["name_en"]) for r in _rows(name)}


@lru_cache(maxsize=None)
def countries() -> dict[str, Choice]:
    return _choices("countries.csv")


@lru_cache(maxsize=None)
def sectors() -> dict[str, Choice]:
    return _choices("sectors.csv")


@lru_cache(maxsize=None)
def funding_schemes() -> dict[str, Choice]:
    return _choices("funding_schemes.csv")
