package io.simbundle.charging.gy;

/** The jDiameter server configuration, as the XML jDiameter reads; timeouts in milliseconds. */
final class ServerConfiguration {

  private ServerConfiguration() {}

  /** A server that accepts any peer (PCEFs) and serves the credit-control application. */
  static String server(DiameterIdentity self) {
    return """
        <?xml version="1.0"?>
        <Configuration xmlns="http://www.jdiameter.org/jdiameter-server">
          <LocalPeer>
            <URI value="%1$s"/>
            <IPAddresses><IPAddress value="%2$s"/></IPAddresses>
            <Realm value="%3$s"/>
            <VendorID value="0"/>
            <ProductName value="simbundle"/>
            <FirmwareRevision value="1"/>
          </LocalPeer>
          <Parameters>
            <AcceptUndefinedPeer value="true"/>
            <DuplicateProtection value="false"/>
            <DuplicateTimer value="240000"/>
            <UseUriAsFqdn value="false"/>
            <QueueSize value="10000"/>
            <MessageTimeOut value="60000"/>
            <StopTimeOut value="10000"/>
            <CeaTimeOut value="10000"/>
            <IacTimeOut value="30000"/>
            <DwaTimeOut value="10000"/>
            <DpaTimeOut value="5000"/>
            <RecTimeOut value="10000"/>
            <!-- One worker per peer's state machine: with several, a request read right after the
                 capabilities exchange can be handled before the peer is OPEN, and is dropped
                 unanswered (see PeerStateMachines). -->
            <PeerFSMThreadCount value="1"/>
            <!-- Per-peer statistics cost on every message and are not read here. -->
            <Statistics pause="30000" delay="30000" enabled="false" active_records="Concurrent,ScheduledExecService,Network,ServerConnection"/>
          </Parameters>
          <Network>
            <!-- The schema wants one known peer; PCEFs connect as undefined peers, which are
                 accepted, so this entry is never dialled. -->
            <Peers>
              <Peer name="aaa://pcef.%3$s:3868" attempt_connect="false" rating="1"/>
            </Peers>
            <Realms>
              <Realm name="%3$s" peers="%4$s" local_action="LOCAL" dynamic="false" exp_time="1">
                <ApplicationID>
                  <VendorId value="0"/>
                  <AuthApplId value="4"/>
                  <AcctApplId value="0"/>
                </ApplicationID>
              </Realm>
            </Realms>
          </Network>
          <Extensions>
            <!-- A peer's events one at a time, in order: see PeerStateMachines. -->
            <PeerFsmFactory value="io.simbundle.charging.gy.PeerStateMachines$ServerFactory"/>
          </Extensions>
        </Configuration>
        """
        .formatted(self.uri(), self.address(), self.realm(), self.host());
  }
}
