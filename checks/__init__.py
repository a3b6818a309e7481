"""Claims registry: sources → claims → quotes → quantities → comparison → report.

One module per step of that flow; see README.md for the map.
"""
