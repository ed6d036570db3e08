package io.simbundle.charging.pcef;

import io.simbundle.charging.gy.DiameterIdentity;

/** The jDiameter client configuration of a PCEF; timeouts in milliseconds. */
final class ClientConfiguration {

  private ClientConfiguration() {}

  /**
   * A client that connects to one server and speaks the credit-control application; its
   * Applications list is what its CER advertises (without it the CER has no common application).
   */
  static String of(DiameterIdentity self, DiameterIdentity server) {
    return """
        <?xml version="1.0"?>
        <Configuration xmlns="http://www.jdiameter.org/jdiameter-client">
          <LocalPeer>
            <URI value="%1$s"/>
            <IPAddress value="%2$s"/>
            <Realm value="%3$s"/>
            <VendorID value="0"/>
            <ProductName value="simbundle-pcef-simulator"/>
            <FirmwareRevision value="1"/>
            <Applications>
              <ApplicationID>
                <VendorId value="0"/>
                <AuthApplId value="4"/>
                <AcctApplId value="0"/>
              </ApplicationID>
            </Applications>
          </LocalPeer>
          <Parameters>
            <UseUriAsFqdn value="false"/>
            <QueueSize value="10000"/>
            <MessageTimeOut value="10000"/>
            <StopTimeOut value="5000"/>
            <CeaTimeOut value="10000"/>
            <IacTimeOut value="30000"/>
            <DwaTimeOut value="10000"/>
            <DpaTimeOut value="5000"/>
            <RecTimeOut value="10000"/>
            <!-- One worker per peer's state machine, events in order (see PeerStateMachines). -->
            <PeerFSMThreadCount value="1"/>
            <Statistics pause="30000" delay="30000" enabled="false" active_records="Concurrent"/>
          </Parameters>
          <Network>
            <Peers>
              <Peer name="%4$s" ip="%5$s" rating="1"/>
            </Peers>
            <Realms>
              <Realm name="%6$s" peers="%7$s" local_action="LOCAL" dynamic="false" exp_time="1">
                <ApplicationID>
                  <VendorId value="0"/>
                  <AuthApplId value="4"/>
                  <AcctApplId value="0"/>
                </ApplicationID>
              </Realm>
            </Realms>
          </Network>
          <Extensions>
            <PeerFsmFactory value="io.simbundle.charging.gy.PeerStateMachines$ClientFactory"/>
            <RouterEngine value="io.simbundle.charging.pcef.ExpiringRedirectsRouter"/>
          </Extensions>
        </Configuration>
        """
        .formatted(
            self.uri(),
            self.address(),
            self.realm(),
            server.uri(),
            server.address(),
            server.realm(),
            server.host());
  }
}
