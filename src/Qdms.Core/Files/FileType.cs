namespace Qdms.Core.Files;

/// <summary>What a stored file is for (IF-03 RegisterFile "type").</summary>
public enum FileType
{
    /// <summary>Firmware image.</summary>
    Fw = 0,

    /// <summary>Software or application package.</summary>
    Sw = 1,

    /// <summary>Configuration file.</summary>
    Config = 2,

    /// <summary>Anything else (the seed's "etc.").</summary>
    Other = 3,
}
