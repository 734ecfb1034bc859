using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Logging.Console;
using Qdms.Core;
using Qdms.Core.Auth;
using Qdms.Core.Events;
using Qdms.Server.Auth;
using Qdms.Server.Files;
using Qdms.Server.Operability;
using Qdms.Server.Problems;
using Qdms.Storage;

namespace Qdms.Server.Hosting;

internal static class QdmsServerBuilderExtensions
{
    /// <summary>Everything the server registers: options, storage, Core services, auth, JSON, problems, OpenAPI.</summary>
    public static WebApplicationBuilder AddQdmsServer(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]) && string.IsNullOrEmpty(builder.Configuration["URLS"]))
        {
            builder.WebHost.UseUrls("http://127.0.0.1:8080");
        }

        // One line per entry with a UTC timestamp; `--Logging:Console:FormatterName=json` switches to JSON lines.
        builder.Services.Configure<SimpleConsoleFormatterOptions>(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            o.UseUtcTimestamp = true;
        });
        builder.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            o.UseUtcTimestamp = true;
        });

        var services = builder.Services;
        var storage = StorageOptionsValidation.BindAndValidate(builder.Configuration);
        services.AddQdmsStorage(storage);
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(storage.DataDirectory, "keys")));
        services.AddQdmsCore();
        services.AddQdmsEngines();
        services.AddQdmsFiles(builder.Configuration, storage);
        services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection(AuthOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EventOptions>().Bind(builder.Configuration.GetSection(EventOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.AddHttpContextAccessor();
        services.AddScoped(sp => sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User.ToCaller()
            ?? throw new InvalidOperationException("No authenticated caller in this scope."));

        services.AddAuthentication(BearerAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(BearerAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.Configure<JsonOptions>(o => ConfigureJson(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<QdmsExceptionHandler>();
        services.AddMetrics();
        services.AddSingleton<QdmsMeter>();
        services.AddSingleton<PrometheusExporter>();
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityTransformer>());
        return builder;
    }

    /// <summary>The API's JSON rules: camelCase, enums as strings, required and non-null members enforced, unknown members refused.</summary>
    public static void ConfigureJson(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        o.RespectNullableAnnotations = true;
        o.RespectRequiredConstructorParameters = true;
        o.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    }
}
