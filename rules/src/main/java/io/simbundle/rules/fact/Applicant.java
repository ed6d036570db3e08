package io.simbundle.rules.fact;

/** Who wants to buy: their real-name check, where and how they buy, and what they already hold. */
public final class Applicant {
  private final boolean nameGiven;
  private final String idDefect;
  private final int age;
  private final String province;
  private final String channel;
  private final int b2b2cType;
  private final int activeCards;
  private final int campaignOrders;
  private final int cardsInOrder;
  private final int cardsToHold;

  /**
   * @param nameGiven whether a real name was given
   * @param idDefect what is wrong with the ID number, or null when it is valid
   * @param age whole years on the decision day; -1 when the ID number is invalid
   * @param province the province code where the buyer is
   * @param channel the sales channel used
   * @param b2b2cType 1–4: existing/new user of the operator × of the partner
   * @param activeCards cards already active on this ID number across the operator
   * @param campaignOrders orders this ID number already placed in the campaign
   * @param cardsInOrder cards the order asks for
   * @param cardsToHold cards of the order this ID number will hold
   */
  public Applicant(
      boolean nameGiven,
      String idDefect,
      int age,
      String province,
      String channel,
      int b2b2cType,
      int activeCards,
      int campaignOrders,
      int cardsInOrder,
      int cardsToHold) {
    this.nameGiven = nameGiven;
    this.idDefect = idDefect;
    this.age = age;
    this.province = province;
    this.channel = channel;
    this.b2b2cType = b2b2cType;
    this.activeCards = activeCards;
    this.campaignOrders = campaignOrders;
    this.cardsInOrder = cardsInOrder;
    this.cardsToHold = cardsToHold;
  }

  public boolean isNameGiven() {
    return nameGiven;
  }

  public String getIdDefect() {
    return idDefect;
  }

  public int getAge() {
    return age;
  }

  public String getProvince() {
    return province;
  }

  public String getChannel() {
    return channel;
  }

  public int getB2b2cType() {
    return b2b2cType;
  }

  public int getActiveCards() {
    return activeCards;
  }

  public int getCampaignOrders() {
    return campaignOrders;
  }

  public int getCardsInOrder() {
    return cardsInOrder;
  }

  public int getCardsToHold() {
    return cardsToHold;
  }
}
