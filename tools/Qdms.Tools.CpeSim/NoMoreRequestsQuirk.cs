using System.Text;

namespace Qdms.Tools.CpeSim;

/// <summary>
/// The deprecated <c>NoMoreRequests</c> header element (TR-069 Annex A.3.1.3, removed in CWMP 1.1) that old CPEs still send:
/// spliced into a written envelope's header, since the codec (rightly) writes no such element.
/// </summary>
public static class NoMoreRequestsQuirk
{
    private static readonly byte[] HeaderOpen = "<soap-env:Header>"u8.ToArray();
    private static readonly byte[] Element = Encoding.UTF8.GetBytes("<cwmp:NoMoreRequests soap-env:mustUnderstand=\"0\">1</cwmp:NoMoreRequests>");

    /// <summary><paramref name="envelope"/> with the element first in its header; unchanged when it has no header.</summary>
    public static byte[] Add(byte[] envelope)
    {
        var at = envelope.AsSpan().IndexOf(HeaderOpen);
        if (at < 0)
        {
            return envelope;
        }

        at += HeaderOpen.Length;
        var result = new byte[envelope.Length + Element.Length];
        envelope.AsSpan(0, at).CopyTo(result);
        Element.CopyTo(result.AsSpan(at));
        envelope.AsSpan(at).CopyTo(result.AsSpan(at + Element.Length));
        return result;
    }
}
