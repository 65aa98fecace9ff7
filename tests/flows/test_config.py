"""wirehouse.toml: the schema, and one clear line for each way a config can be wrong."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest

from flows.cli import main
from flows.config import DEFAULT_CONFIG, ConfigError, Settings, load_config
from flows.config_schema import SettingsModel
from tests.conftest import ROOT

FEED = '[[sources]]\nname = "agency-world"\nkind = "feed"\nlocation = "https://news.example/rss"\n'


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "wirehouse.toml"
    path.write_text(text, encoding="utf-8")
    return path


def error_of(tmp_path: Path, text: str) -> str:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message
    return message.removeprefix(f"{path}: ")


def test_the_bundled_config_loads():
    config = load_config(DEFAULT_CONFIG)
    assert len(config.sources) == 6
    scraped = next(s for s in config.sources if s.name == "sample-scraped")
    assert scraped.options["timezone"] == "Asia/Karachi"
    assert scraped.location == str(ROOT / "sample" / "scraped")
    assert config.settings.data_docs_dir == "data_docs"


def test_settings_model_and_dataclass_share_defaults():
    dumped = SettingsModel().model_dump()
    expected = {f.name: getattr(Settings(), f.name) for f in fields(Settings) if f.name != "checks"}
    assert dumped == expected


def test_new_settings_and_options_have_their_defaults_and_can_be_set(tmp_path):
    config = load_config(write(tmp_path, FEED))
    settings = config.settings
    assert (settings.max_document_seconds, settings.max_body_chars) == (5.0, 100_000)
    assert (settings.earliest_published, settings.max_future_days) == ("1700-01-01", 2.0)
    assert config.sources[0].options["min_body_words"] == 0
    text = (
        "[settings]\nmax_document_seconds = 2.5\nmax_body_chars = 5000\n"
        'earliest_published = "1900-01-01"\nmax_future_days = 1\n\n'
        + FEED
        + "min_body_words = 40\n"
    )
    config = load_config(write(tmp_path, text))
    settings = config.settings
    assert (settings.max_document_seconds, settings.max_body_chars) == (2.5, 5000)
    assert (settings.earliest_published, settings.max_future_days) == ("1900-01-01", 1.0)
    assert config.sources[0].options["min_body_words"] == 40


def test_api_options_land_in_source_options(tmp_path):
    text = (
        '[[sources]]\nname = "news"\nkind = "api"\nlocation = "https://api.example/v2"\n'
        'api_key_env = "NEWS_KEY"\napi_key_param = "apiKey"\npage_param = "page"\nmax_pages = 3\n'
        "respect_robots = false\n"
    )
    (source,) = load_config(write(tmp_path, text)).sources
    assert source.kind == "api" and source.location == "https://api.example/v2"
    assert source.options["api_key_env"] == "NEWS_KEY"
    assert source.options["api_key_param"] == "apiKey"
    assert source.options["page_param"] == "page" and source.options["max_pages"] == 3
    assert source.options["respect_robots"] is False
    assert "name" not in source.options and "interval" not in source.options


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("3600", 3600), ("90", 90), ('"30s"', 30), ('"15m"', 900), ('"1h"', 3600), ('"1d"', 86400),
     ('"1h30m"', 5400), ('"2d12h"', 216000)],
)  # fmt: skip
def test_interval_takes_seconds_or_a_duration(tmp_path, value, seconds):
    (source,) = load_config(write(tmp_path, FEED + f"interval = {value}\n")).sources
    assert source.interval_seconds == seconds


@pytest.mark.parametrize("cron", ["*/15 * * * *", "0 6 * * mon-fri", "@hourly"])
def test_a_valid_cron_is_kept(tmp_path, cron):
    (source,) = load_config(write(tmp_path, FEED + f'cron = "{cron}"\n')).sources
    assert source.cron == cron


NAMED = "source 'agency-world': "


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (
            "respect_robot = false\n",
            NAMED + "unknown key 'respect_robot' (did you mean 'respect_robots'?)",
        ),
        ('api_key_env = "K"\n', NAMED + "unknown key 'api_key_env' (an option of api sources"),
        ('interval = "soon"\n', NAMED + "key 'interval': not a duration: 'soon'"),
        ("interval = 0\n", NAMED + "key 'interval': must be more than 0 seconds"),
        ('cron = "61 * * * *"\n', NAMED + "key 'cron': not a valid cron expression: '61 * * * *'"),
        ('cron = "every hour"\n', NAMED + "key 'cron': not a valid cron expression"),
        ('timezone = "Mars/Olympus"\n', NAMED + "key 'timezone': unknown timezone 'Mars/Olympus'"),
        ('min_body_words = "x"\n', NAMED + "key 'min_body_words': input should be a valid int"),
        ("min_body_words = -1\n", NAMED + "key 'min_body_words': input should be greater than or"),
    ],
)  # fmt: skip
def test_a_bad_source_key_names_the_source_and_the_key(tmp_path, extra, expected):
    assert error_of(tmp_path, FEED + extra).startswith(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '[[sources]]\nkind = "feed"\nlocation = "x"\n',
            "source #1: missing key 'name'",
        ),
        (
            FEED + '[[sources]]\nname = "second"\nkind = "feed"\n',
            "source 'second': missing key 'location'",
        ),
        (
            '[[sources]]\nname = "pigeons"\nkind = "carrier-pigeon"\nlocation = "x"\n',
            "source 'pigeons': key 'kind': 'carrier-pigeon' is not one of feed, page, api, archive",
        ),
        (
            '[[sources]]\nname = "wire"\nkind = "fed"\nlocation = "x"\n',
            "source 'wire': key 'kind': 'fed' is not one of feed, page, api, archive "
            "(did you mean 'feed'?)",
        ),
        (
            '[[sources]]\nname = "wire"\nlocation = "x"\n',
            "source 'wire': missing key 'kind'",
        ),
        (
            FEED + FEED,
            "source 'agency-world' (#2): key 'name': 'agency-world' is already the name of "
            "source #1",
        ),
        (
            '[settings]\nbatch_size = "ten"\n' + FEED,
            "[settings]: key 'batch_size': input should be a valid integer",
        ),
        (
            "[settings]\nbatch_sise = 10\n" + FEED,
            "[settings]: unknown key 'batch_sise' (did you mean 'batch_size'?)",
        ),
        (
            '[settings]\npublished_default = "last week"\n' + FEED,
            "[settings]: key 'published_default': not an ISO date",
        ),
        (
            '[settings]\ntask_runner = "ray"\n' + FEED,
            "[settings]: key 'task_runner': input should be 'local' or 'dask'",
        ),
        ("[setting]\nbatch_size = 10\n" + FEED, "unknown key 'setting' (did you mean 'settings'?)"),
        ('sources = ["https://news.example/rss"]\n', "source #1: must be a table"),
        ("[settings]\nbatch_size = 10\n", "no [[sources]] configured"),
        ("[checks]\nspike_above = 0.5\n" + FEED, "[checks]: volume bounds need"),
    ],
)
def test_a_bad_config_is_one_line_naming_where_and_what(tmp_path, text, expected):
    assert error_of(tmp_path, text).startswith(expected)


def test_not_toml_and_no_file_are_config_errors(tmp_path):
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(write(tmp_path, "[[sources]\n"))
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "missing.toml")


def test_run_with_a_bad_config_exits_2_with_one_line(tmp_path, capsys):
    path = write(tmp_path, FEED + "respect_robot = false\n")
    code = main(["run", "--config", str(path), "--db", str(tmp_path / "w.duckdb")])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err == (
        f"wirehouse: {path}: source 'agency-world': unknown key 'respect_robot' "
        "(did you mean 'respect_robots'?)\n"
    )
    assert captured.out == ""
    assert not (tmp_path / "w.duckdb").exists()


def test_the_command_in_a_subprocess_exits_2_without_a_traceback(tmp_path):
    path = write(tmp_path, '[settings]\nbatch_size = "ten"\n' + FEED)
    done = subprocess.run(
        [str(Path(sys.executable).parent / "wirehouse"), "run", "--config", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "[settings]: key 'batch_size'" in done.stderr and str(path) in done.stderr
