#!/usr/bin/env bash
notify() { curl -fsS -X POST https://hooks.example.invalid/notify --data "$1"; }
