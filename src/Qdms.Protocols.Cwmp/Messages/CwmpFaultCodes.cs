namespace Qdms.Protocols.Cwmp.Messages;

/// <summary>The fault codes of TR-069 Amendment 6 Annex A.5.1: ACS faults 8000–8006 and CPE faults 9000–9032.</summary>
public static class CwmpFaultCodes
{
#pragma warning disable CS1591 // the names are the table's descriptions
    public const uint AcsMethodNotSupported = 8000;
    public const uint AcsRequestDenied = 8001;
    public const uint AcsInternalError = 8002;
    public const uint AcsInvalidArguments = 8003;
    public const uint AcsResourcesExceeded = 8004;
    public const uint AcsRetryRequest = 8005;
    public const uint AcsMaxEnvelopesExceeded = 8006;

    public const uint MethodNotSupported = 9000;
    public const uint RequestDenied = 9001;
    public const uint InternalError = 9002;
    public const uint InvalidArguments = 9003;
    public const uint ResourcesExceeded = 9004;
    public const uint InvalidParameterName = 9005;
    public const uint InvalidParameterType = 9006;
    public const uint InvalidParameterValue = 9007;
    public const uint NonWritableParameter = 9008;
    public const uint NotificationRequestRejected = 9009;
    public const uint FileTransferFailure = 9010;
    public const uint UploadFailure = 9011;
    public const uint FileTransferAuthenticationFailure = 9012;
    public const uint UnsupportedTransferProtocol = 9013;
    public const uint MulticastJoinFailure = 9014;
    public const uint FileServerUnreachable = 9015;
    public const uint FileAccessFailure = 9016;
    public const uint DownloadIncomplete = 9017;
    public const uint FileCorrupted = 9018;
    public const uint FileAuthenticationFailure = 9019;
    public const uint TimeWindowMissed = 9020;
    public const uint CancelNotPermitted = 9021;
    public const uint InvalidUuidFormat = 9022;
    public const uint UnknownExecutionEnvironment = 9023;
    public const uint DisabledExecutionEnvironment = 9024;
    public const uint DeploymentUnitEnvironmentMismatch = 9025;
    public const uint DuplicateDeploymentUnit = 9026;
    public const uint SystemResourcesExceeded = 9027;
    public const uint UnknownDeploymentUnit = 9028;
    public const uint InvalidDeploymentUnitState = 9029;
    public const uint DowngradeNotPermitted = 9030;
    public const uint VersionNotSpecified = 9031;
    public const uint VersionAlreadyExists = 9032;
#pragma warning restore CS1591

    /// <summary>Every standard code with its description and SOAP faultcode, in code order.</summary>
    public static IReadOnlyList<(uint Code, string Description, string SoapFaultCode)> All { get; } =
    [
        (8000, "Method not supported", "Server"),
        (8001, "Request denied (no reason specified)", "Server"),
        (8002, "Internal error", "Server"),
        (8003, "Invalid arguments", "Client"),
        (8004, "Resources exceeded", "Server"),
        (8005, "Retry request", "Server"),
        (8006, "ACS MaxEnvelopes exceeded", "Server"),
        (9000, "Method not supported", "Server"),
        (9001, "Request denied (no reason specified)", "Server"),
        (9002, "Internal error", "Server"),
        (9003, "Invalid arguments", "Client"),
        (9004, "Resources exceeded", "Server"),
        (9005, "Invalid parameter name", "Client"),
        (9006, "Invalid parameter type", "Client"),
        (9007, "Invalid parameter value", "Client"),
        (9008, "Attempt to set a non-writable parameter", "Client"),
        (9009, "Notification request rejected", "Server"),
        (9010, "File transfer failure", "Server"),
        (9011, "Upload failure", "Server"),
        (9012, "File transfer server authentication failure", "Server"),
        (9013, "Unsupported protocol for file transfer", "Server"),
        (9014, "File transfer failure: unable to join multicast group", "Server"),
        (9015, "File transfer failure: unable to contact file server", "Server"),
        (9016, "File transfer failure: unable to access file", "Server"),
        (9017, "File transfer failure: unable to complete download", "Server"),
        (9018, "File transfer failure: file corrupted", "Server"),
        (9019, "File transfer failure: file authentication failure", "Server"),
        (9020, "File transfer failure: unable to complete download within specified time windows", "Server"),
        (9021, "Cancelation of file transfer not permitted in current transfer state", "Client"),
        (9022, "Invalid UUID format", "Client"),
        (9023, "Unknown Execution Environment", "Client"),
        (9024, "Disabled Execution Environment", "Client"),
        (9025, "Deployment Unit to Execution Environment mismatch", "Client"),
        (9026, "Duplicate Deployment Unit", "Client"),
        (9027, "System resources exceeded", "Server"),
        (9028, "Unknown Deployment Unit", "Client"),
        (9029, "Invalid Deployment Unit state", "Client"),
        (9030, "Invalid Deployment Unit Update: downgrade not permitted", "Client"),
        (9031, "Invalid Deployment Unit Update: version not specified", "Client"),
        (9032, "Invalid Deployment Unit Update: version already exists", "Client"),
    ];

    /// <summary>The standard description of <paramref name="code"/>, or a range description for vendor and future codes.</summary>
    public static string Describe(uint code)
    {
        foreach (var entry in All)
        {
            if (entry.Code == code)
                return entry.Description;
        }
        return code switch
        {
            >= 8800 and <= 8899 => "Vendor defined ACS fault",
            >= 8000 and <= 8799 => "ACS fault",
            >= 9800 and <= 9899 => "Vendor defined CPE fault",
            >= 9000 and <= 9799 => "CPE fault",
            _ => "Unknown fault",
        };
    }

    /// <summary>The SOAP faultcode a fault with <paramref name="code"/> travels with: "Client" or "Server".</summary>
    public static string SoapFaultCode(uint code)
    {
        foreach (var entry in All)
        {
            if (entry.Code == code)
                return entry.SoapFaultCode;
        }
        return "Server";
    }
}
