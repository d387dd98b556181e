#!/usr/bin/env bash
# Runs a tokenizer with its output sent to /dev/null (timeit.py keeps a
# command's stdout; tokens of 50 MB are not worth keeping). exec keeps the
# tokenizer the process that timeit.py measures.
exec "$@" >/dev/null
