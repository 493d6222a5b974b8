package cn.shapotou.litigation.deadlines;

import java.time.LocalDate;

/** A rest day a deadline was moved over, with the reason ("国庆节", "星期日"). */
public record RestDay(LocalDate date, String reason) {}
