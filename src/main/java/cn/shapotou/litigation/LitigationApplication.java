package cn.shapotou.litigation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** 行政应诉管理系统: administrative-litigation response for the district government of 沙坡头区. */
@SpringBootApplication
public class LitigationApplication {

    public static void main(String[] args) {
        SpringApplication.run(LitigationApplication.class, args);
    }
}
