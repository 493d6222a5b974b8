package cn.shapotou.litigation.web;

/** One reason a request was refused: the field it concerns (null for the whole request) and a Chinese message. */
public record FieldError(String field, String message) {}
