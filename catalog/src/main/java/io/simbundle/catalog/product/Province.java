package io.simbundle.catalog.product;

import java.util.Arrays;
import java.util.Optional;

/**
 * The 31 mainland provincial-level divisions where an operator sells cards, by their ISO 3166-2:CN
 * letter codes. A product or campaign limited to some of them is a provincial pilot.
 */
public enum Province {
  BJ("Beijing", "北京"),
  TJ("Tianjin", "天津"),
  HE("Hebei", "河北"),
  SX("Shanxi", "山西"),
  NM("Inner Mongolia", "内蒙古"),
  LN("Liaoning", "辽宁"),
  JL("Jilin", "吉林"),
  HL("Heilongjiang", "黑龙江"),
  SH("Shanghai", "上海"),
  JS("Jiangsu", "江苏"),
  ZJ("Zhejiang", "浙江"),
  AH("Anhui", "安徽"),
  FJ("Fujian", "福建"),
  JX("Jiangxi", "江西"),
  SD("Shandong", "山东"),
  HA("Henan", "河南"),
  HB("Hubei", "湖北"),
  HN("Hunan", "湖南"),
  GD("Guangdong", "广东"),
  GX("Guangxi", "广西"),
  HI("Hainan", "海南"),
  CQ("Chongqing", "重庆"),
  SC("Sichuan", "四川"),
  GZ("Guizhou", "贵州"),
  YN("Yunnan", "云南"),
  XZ("Tibet", "西藏"),
  SN("Shaanxi", "陕西"),
  GS("Gansu", "甘肃"),
  QH("Qinghai", "青海"),
  NX("Ningxia", "宁夏"),
  XJ("Xinjiang", "新疆");

  private final String englishName;
  private final String chineseName;

  Province(String englishName, String chineseName) {
    this.englishName = englishName;
    this.chineseName = chineseName;
  }

  public String englishName() {
    return englishName;
  }

  public String chineseName() {
    return chineseName;
  }

  public static Optional<Province> fromCode(String code) {
    return Arrays.stream(values()).filter(p -> p.name().equals(code)).findFirst();
  }
}
