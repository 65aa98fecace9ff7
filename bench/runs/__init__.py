"""The parts of the end-to-end benchmark that `bench/run.py` puts together.

machine.py     what the figures were measured on, and how busy it was
server.py      the corpus over local HTTP, with conditional GET, counting requests
children.py    running a child process and sampling its memory; its environment
timing.py      the stages, a stopwatch, and a spaCy pipeline whose `pipe` is timed
instrument.py  the child that runs the real CLI with timers around what the flow calls
baseline.py    bare trafilatura + spaCy over the same pages
pipeline.py    one instrumented `wirehouse run`, its config, the warehouse it leaves
benchmark.py   the cold run, the re-run, the baseline, the memory check, the targets
report.py      the tables printed at the end
"""
