package io.simbundle.charging.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;

/** Free bytes used and reserved under one zero-rating privilege this cycle. */
@JsonAutoDetect(fieldVisibility = Visibility.ANY)
final class ZeroRatedMeter {
  long used;
  long reserved;
}
