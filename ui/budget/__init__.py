"""The 主要任务与预算 section: task table with live totals, declared totals, 预算控制数, bars."""
