#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints a generated plan (plan text format) with N indicators spread over
8 areas, for the benchmarks: gen-plan.py N > plan.plan"""
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
random.seed(7)
words = ("penyusunan revisi naskah dinas pengaturan penetapan lingkungan unit satuan kerja "
         "pelayanan stakeholder monitoring evaluasi pelaporan tindak lanjut pembangunan zona "
         "integritas reformasi birokrasi rencana aksi agen perubahan dokumen laporan").split()


def text(k):
    return " ".join(random.choice(words) for _ in range(k)).capitalize()


print("decree\tinstitution\tKOMISI PEMILIHAN UMUM PROVINSI CONTOH")
print("decree\tnumber\t1")
print("decree\tyear\t2025")
print(f"decree\ttitle\tRENCANA AKSI REFORMASI BIROKRASI ({n} INDIKATOR)")
print("decree\tplace\tContoh")
print("decree\tdate\t2025-01-02")
made = 0
per_area = n // 8
for area in range(1, 9):
    print(f"area\t{area}\t{text(3)}")
    quota = per_area if area < 8 else n - made
    a = 0
    while quota > 0:
        a += 1
        print(f"activity\t{a}.\t{text(10)}")
        for s in range(1, random.randint(2, 6)):
            if quota <= 0:
                break
            print(f"sub_activity\t{s}\t{text(18)}")
            for i in range(1, min(quota, random.randint(1, 5)) + 1):
                print(f"indicator\t{i}.\t{text(random.randint(6, 24))}")
                quota -= 1
                made += 1
