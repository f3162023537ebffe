using System.Net;
using System.Net.Sockets;

namespace ServiceNowAlert.LambdaEmulator;

/// <summary>Finds a free TCP port on loopback.</summary>
internal static class PortFinder
{
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
