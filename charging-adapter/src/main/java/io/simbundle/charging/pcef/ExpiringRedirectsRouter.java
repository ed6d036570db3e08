package io.simbundle.charging.pcef;

import org.jdiameter.api.AvpDataException;
import org.jdiameter.api.Configuration;
import org.jdiameter.api.MetaData;
import org.jdiameter.api.RouteException;
import org.jdiameter.client.api.IContainer;
import org.jdiameter.client.api.IRequest;
import org.jdiameter.client.api.controller.IRealmTable;
import org.jdiameter.client.impl.router.RouterImpl;
import org.jdiameter.common.api.concurrent.IConcurrentFactory;

/**
 * jDiameter's client router, with redirects that end when their Redirect-Max-Cache-Time does (RFC
 * 6733 6.13). jDiameter's own keeps a redirect until its table is full: a session once redirected
 * to a node that died stays sent there — answered 3002 by the stack itself — for good. Named in the
 * PCEF's configuration ({@code Extensions/RouterEngine}).
 */
public final class ExpiringRedirectsRouter extends RouterImpl {

  public ExpiringRedirectsRouter(
      IContainer container,
      IConcurrentFactory threads,
      IRealmTable realms,
      Configuration config,
      MetaData metaData) {
    super(container, threads, realms, config, metaData);
  }

  @Override
  public boolean updateRoute(IRequest message) throws RouteException, AvpDataException {
    long now = System.currentTimeMillis();
    redirectTableLock.writeLock().lock();
    try {
      redirectTable.removeIf(redirect -> redirect.getExpiredTime() <= now);
    } finally {
      redirectTableLock.writeLock().unlock();
    }
    return super.updateRoute(message);
  }
}
