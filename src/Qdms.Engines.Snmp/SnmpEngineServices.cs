using Microsoft.Extensions.Logging;
using Qdms.Core.Devices;
using Qdms.Core.Events;
using Qdms.Core.Measurements;
using Qdms.Core.Security;
using Qdms.Core.Snmp;

namespace Qdms.Engines.Snmp;

/// <summary>What every snmp engine reaches QDMS through: Core's stores and services, one object in DI.</summary>
public sealed record SnmpEngineServices(
    ISnmpDeviceStore Devices,
    ISnmpProfileStore Profiles,
    ISnmpPollStore PollStore,
    IDeviceTaskStore Tasks,
    IMeasurementStore Measurements,
    IDeviceEventStore Events,
    SecretBox Secrets,
    SnmpInventorySignal Signal,
    TimeProvider Time,
    ILoggerFactory LoggerFactory);
