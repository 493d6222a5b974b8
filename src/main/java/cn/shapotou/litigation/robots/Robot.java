package cn.shapotou.litigation.robots;

import java.util.regex.Pattern;

/**
 * One group robot of a unit: a DingTalk custom robot (钉钉自定义机器人, optionally signed with its 加签 secret) or a WeCom
 * group robot (企业微信群机器人, whose key is in the webhook URL). {@code key()} names it in {@code lit_robot_outbox}.
 * The webhook and the secret are credentials: {@link #toString()} and {@link #masked()} never show them.
 */
public record Robot(String unit, Channel channel, String webhook, String secret) {

    public enum Channel { DINGTALK, WECOM }

    private static final Pattern TOKEN = Pattern.compile("((?:access_token|key|sign)=)[^&\\s\"]*");

    public String key() {
        return unit + ":" + channel.name().toLowerCase();
    }

    /** The webhook without its credentials, for logs: e.g. https://oapi.dingtalk.com/robot/send?access_token=*** */
    public String masked() {
        return mask(webhook);
    }

    /** Any access_token/key/sign parameter in the text is replaced by ***. */
    public static String mask(String text) {
        return text == null ? null : TOKEN.matcher(text).replaceAll("$1***");
    }

    @Override
    public String toString() {
        return "Robot[" + key() + " " + masked() + "]";
    }
}
