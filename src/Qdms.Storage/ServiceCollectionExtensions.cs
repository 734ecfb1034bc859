using Microsoft.Extensions.DependencyInjection;
using Qdms.Core.Audit;
using Qdms.Core.Devices;
using Qdms.Core.Engines;
using Qdms.Core.Events;
using Qdms.Core.Files;
using Qdms.Core.Measurements;
using Qdms.Core.Provisioning;
using Qdms.Core.Qos;
using Qdms.Core.Scenarios;
using Qdms.Core.Snmp;
using Qdms.Core.Tenants;
using Qdms.Core.Users;
using Qdms.Storage.Migrations;
using Qdms.Storage.Stores;

namespace Qdms.Storage;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers the database and every store. The caller migrates with <see cref="Migrator"/> at start.</summary>
    public static IServiceCollection AddQdmsStorage(this IServiceCollection services, StorageOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(_ => new QdmsDb(options));
        services.AddSingleton<Migrator>();
        services.AddSingleton<ITenantStore, SqlTenantStore>();
        services.AddSingleton<IUserStore, SqlUserStore>();
        services.AddSingleton<ITokenStore, SqlTokenStore>();
        services.AddSingleton<IAuditStore, SqlAuditStore>();
        services.AddSingleton<IEngineInstanceStore, SqlEngineInstanceStore>();
        services.AddSingleton<IFileStore, SqlFileStore>();
        services.AddSingleton<IDownloadTokenStore, SqlDownloadTokenStore>();
        services.AddSingleton<IDeviceStore, SqlDeviceStore>();
        services.AddSingleton<IDeviceAggregateStore, SqlDeviceAggregateStore>();
        services.AddSingleton<IDeviceContactStore, SqlDeviceStore>();
        services.AddSingleton<IDeviceParameterStore, SqlDeviceParameterStore>();
        services.AddSingleton<IDeviceParameterEditor, SqlDeviceParameterEditor>();
        services.AddSingleton<IDeviceTaskStore, SqlDeviceTaskStore>();
        services.AddSingleton<Qdms.Core.Devices.Bulk.IBulkTaskStore, SqlBulkTaskStore>();
        services.AddSingleton<IDeviceEventStore, SqlDeviceEventStore>();
        services.AddSingleton<IMeasurementStore, SqlMeasurementStore>();
        services.AddSingleton<IScenarioStore, SqlScenarioStore>();
        services.AddSingleton<IScenarioRunStore, SqlScenarioRunStore>();
        services.AddSingleton<IScenarioScheduleStore, SqlScenarioScheduleStore>();
        services.AddSingleton<ISnmpDeviceStore, SqlSnmpDeviceStore>();
        services.AddSingleton<ISnmpProfileStore, SqlSnmpProfileStore>();
        services.AddSingleton<ISnmpPollStore, SqlSnmpPollStore>();
        services.AddSingleton<IQosDeviceStore, SqlQosDeviceStore>();
        services.AddSingleton<IQosLogStore, SqlQosLogStore>();
        services.AddSingleton<IQosMeasurementQueryStore, SqlQosMeasurementQueryStore>();
        services.AddSingleton<IProvisioningRuleStore, SqlProvisioningRuleStore>();
        services.AddSingleton<Qdms.Core.CpeAuth.ICpeAuthStore, SqlCpeAuthStore>();
        return services;
    }
}
