// LexiformUnicode: see ICU.swift
