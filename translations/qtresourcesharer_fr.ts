<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>SharerPanel</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TTL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name, key, state or pid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot follow %1: %2 (retrying)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No resource matches the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2 %3 to pid %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qrs</name>
    <message>
        <source>timed out after %1 ms waiting for the sharer at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the process is exiting: its sharer has stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the process is gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot add &quot;%1&quot;: the process has already started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a resource named &quot;%1&quot; was already added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot share &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot share &quot;%1&quot;: the QTcpServer is not listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot share &quot;%1&quot;: the QLocalServer is not listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot share &quot;%1&quot;: the file is not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot share &quot;%1&quot;: the socket is not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a pipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a memory file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a character device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unknown kind of descriptor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a socket that is not a stream socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a listening TCP socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a connected TCP socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a listening Unix socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a connected Unix socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a socket of another family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no resource is registered under this key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the resource has already been taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the resource expired before it was taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the resource was revoked by its owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>access denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sharer is stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the resource is being handed to another process right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported protocol version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the receiver could not accept every descriptor (descriptor limit?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the receiver failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sharer has too many connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed %1 message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a QtResourceSharer frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>protocol version %1, expected %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown message type %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frame of %1 bytes exceeds the limit of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a request names 1 to %1 keys, not %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qrs-tools</name>
    <message>
        <source>--%1 takes a positive number of milliseconds, not &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot run %1: not found or not executable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1 with a port from 0 to 65535, not &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a numeric IP address (or * or localhost)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot listen on %1 port %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot duplicate a socket: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qrs::CacheModel</name>
    <message>
        <source>available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qrs::DupFd</name>
    <message>
        <source>cannot duplicate descriptor %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qrs::InheritedResources</name>
    <message>
        <source>cannot take the inherited resources: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a listening TCP socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QTcpServer cannot listen on the resource &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a listening Unix socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QLocalServer cannot listen on the resource &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a file or a pipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QFile cannot open the resource &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a connected TCP socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QTcpSocket cannot use the resource &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qrs::InheritedResourcesPrivate</name>
    <message>
        <source>no resource named &quot;%1&quot; was passed to this process (%2 is not set: was it started with qrs::ChildResources?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no resource named &quot;%1&quot; was passed to this process; it has: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the resource &quot;%1&quot; was already taken by this process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot take the resource &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the resource &quot;%1&quot; is %2, not %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qrs::ResourceId</name>
    <message>
        <source>malformed resource id &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it does not start with &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the &apos;@&apos; between key and address is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the key must be %1 hexadecimal digits, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the key contains &apos;%1&apos;, which is not a hexadecimal digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address contains white space or a non-ASCII character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address must be an absolute socket path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address contains a NUL byte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address is longer than a local socket path can be</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qrs::ResourceSharer</name>
    <message>
        <source>it is not a private directory of this user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a process id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no process %1 is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>process %1 publishes no sharer in %2 (none running, or another user&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sharer of process %1 is not listening at %2 any more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qrs::ResourceSharerExtension</name>
    <message>
        <source>no host given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for it to take %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker %1 (pid %2) took %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker %1 ended without taking %2; it was withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qrs::ResourceSharerPrivate</name>
    <message>
        <source>cannot create a private directory in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>descriptor %1 is not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name is longer than %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the TTL must not be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the request names a key twice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qrs::SharerServer</name>
    <message>
        <source>cannot listen on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the peer&apos;s credentials cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the receiver sent a bad acknowledgement: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the receiver (pid %1) closed the connection before acknowledging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the receiver sent a bad acknowledgement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the receiver (pid %1) gave the resources back: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the receiver sent an unexpected message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only uid %1 may inspect or revoke in this sharer, not uid %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uid %1 may not take resources from this sharer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the request names pid %1 but comes from pid %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sharer already has %1 watchers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot send to pid %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the transfer broke off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no request within %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the receiver (pid %1) did not acknowledge within %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qrs::client::Transfer</name>
    <message>
        <source>one transfer takes 1 to %1 resources, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid sharer address &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create a socket: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no sharer is listening at %1 (%2); has the sharing process exited?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot connect to the sharer at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot acknowledge the transfer to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot send the request to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lost the connection to the sharer at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sharer at %1 closed the connection without answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sharer at %1 sent a bad reply: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused (resource %1 of %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sharer at %1 sent an unexpected message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>received %1 of %2 descriptors: the kernel dropped the rest (MSG_CTRUNC); is the receiving process at its descriptor limit?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1 descriptors, received %2 with %3 headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid resource id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one transfer takes resources of one sharer; %1 and %2 differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no resource id given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed out after %1 ms waiting for the sharer at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>poll failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qrs::inspect</name>
    <message>
        <source>cannot connect to the sharer at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sharer at %1 refused: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sharer at %1 did not answer within %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sharer at %1 closed the connection: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no sharer address or pid given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sharer sent an unexpected message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qrs::inspect::Watcher</name>
    <message>
        <source>the connection to the sharer at %1 broke: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sharer at %1 refused: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sharer sent an unexpected message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qrs::launch</name>
    <message>
        <source>a resource name must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the resource name &quot;%1...&quot; is longer than %2 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the resource name &quot;%1&quot; may only hold printable ASCII characters other than space and &apos;:&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 names resources but %2 is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds %2 identifiers but %3 holds %4 names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the name &quot;%2&quot; is given twice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qrs::supervise</name>
    <message>
        <source>killed by signal %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not be started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qrs::supervise::Supervisor</name>
    <message>
        <source>the plugin %1 refused to start: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loaded plugin %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not be started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker %1 (pid %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not stop within %2 ms; killing it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not ready after %2 ms (%3); killing it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the plugin %1 cancelled the start of worker %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot start %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 started (generation %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopping %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stopped: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the replacement %1 ended before it was ready (%2); worker %3 keeps running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2; its replacement is starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; restarting it in %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker %1 could not be started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a rolling restart is under way; another one will follow it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rolling restart: replacing %1 workers one by one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker %1 is down; its restart will run the new program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rolling restart done: %1 of %2 workers replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopping %1 workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all workers stopped; %1 crash restarts, %2 rolling restarts, %3 unexpected exits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
