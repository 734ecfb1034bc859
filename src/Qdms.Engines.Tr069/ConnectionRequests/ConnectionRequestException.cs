namespace Qdms.Engines.Tr069.ConnectionRequests;

/// <summary>A connection request the CPE did not accept: unreachable, refused credentials, an XMPP error … (<see cref="Exception.Message"/> says which).</summary>
internal sealed class ConnectionRequestException(string message, Exception? inner = null) : Exception(message, inner);
