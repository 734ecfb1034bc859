using System.Globalization;

namespace Qdms.Engines.Tr069;

/// <summary>The load figures of a running engine in its status: group commits and the Informs they held.</summary>
internal static class AcsLoadStatus
{
    public static void Add(Dictionary<string, string> details, AcsLoad? load)
    {
        if (load is null)
        {
            return;
        }

        details["informCommits"] = load.Contacts.Batches.ToString(CultureInfo.InvariantCulture);
        details["informsCommitted"] = load.Contacts.Contacts.ToString(CultureInfo.InvariantCulture);
    }
}
