<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>SharerPanel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>taken</source>
        <translation>übernommen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>TTL</source>
        <translation>TTL</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation>Übernommen von</translation>
    </message>
    <message>
        <source>Filter by name, key, state or pid</source>
        <translation>Nach Name, Schlüssel, Zustand oder PID filtern</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <source>Cannot follow %1: %2 (retrying)</source>
        <translation>%1 kann nicht verfolgt werden: %2 (neuer Versuch folgt)</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Zurückziehen</translation>
    </message>
    <message>
        <source>No resource matches the filter.</source>
        <translation>Keine Ressource passt zum Filter.</translation>
    </message>
    <message>
        <source>The cache is empty.</source>
        <translation>Der Zwischenspeicher ist leer.</translation>
    </message>
    <message>
        <source>Last transfers</source>
        <translation>Letzte Übergaben</translation>
    </message>
    <message>
        <source>%1  %2: %3 (pid %4)</source>
        <translation>%1  %2: %3 (PID %4)</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
    <message>
        <source>cached</source>
        <comment>counter</comment>
        <translation>vorgehalten</translation>
    </message>
    <message>
        <source>registered</source>
        <comment>counter</comment>
        <translation>registriert</translation>
    </message>
    <message>
        <source>taken</source>
        <comment>counter</comment>
        <translation>übernommen</translation>
    </message>
    <message>
        <source>expired</source>
        <comment>counter</comment>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>revoked</source>
        <comment>counter</comment>
        <translation>zurückgezogen</translation>
    </message>
    <message>
        <source>failed</source>
        <comment>counter</comment>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Who may take</source>
        <translation>Wer übernehmen darf</translation>
    </message>
</context>
<context>
    <name>SupervisorConsole</name>
    <message>
        <source>%1: under way…</source>
        <translation>%1: läuft…</translation>
    </message>
    <message>
        <source>Rolling restart</source>
        <translation>Rollierender Neustart</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Scale to %1</source>
        <translation>Auf %1 skalieren</translation>
    </message>
    <message>
        <source>Restart of worker %1</source>
        <translation>Neustart von Worker %1</translation>
    </message>
    <message>
        <source>%1 of %2 workers replaced</source>
        <translation>%1 von %2 Workern ersetzt</translation>
    </message>
    <message>
        <source>pid %1 took over</source>
        <translation>PID %1 hat übernommen</translation>
    </message>
    <message>
        <source>%1 workers ready</source>
        <translation>%1 Worker bereit</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>hält an</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>replacing, starting</source>
        <translation>ersetzt, startet</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1: cannot reach the supervisor: %2</source>
        <translation>%1: Supervisor nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>%1 refused: %2</source>
        <translation>%1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Workers: %1 of %2 ready%3</source>
        <translation>Worker: %1 von %2 bereit%3</translation>
    </message>
    <message>
        <source>, stopping</source>
        <translation>, hält an</translation>
    </message>
    <message>
        <source>, a rolling restart is under way</source>
        <translation>, ein rollierender Neustart läuft</translation>
    </message>
    <message>
        <source>, upgrading in place (successor pid %1)</source>
        <translation>, Aktualisierung im laufenden Betrieb (Nachfolger PID %1)</translation>
    </message>
    <message>
        <source>, %1 under way</source>
        <translation>, %1 läuft</translation>
    </message>
    <message>
        <source>One fewer</source>
        <translation>Einer weniger</translation>
    </message>
    <message>
        <source>One more</source>
        <translation>Einer mehr</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Platz</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>UID</source>
        <translation>UID</translation>
    </message>
    <message>
        <source>Gen.</source>
        <translation>Gen.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Ready since</source>
        <translation>Bereit seit</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Neustarts</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>handoffs/s, up to %1</source>
        <translation>Übergaben/s, bis zu %1</translation>
    </message>
    <message>
        <source>Scaling</source>
        <translation>Skalierung</translation>
    </message>
    <message>
        <source>Restart of a worker</source>
        <translation>Neustart eines Workers</translation>
    </message>
    <message>
        <source>Timeline, last %1 min</source>
        <translation>Zeitleiste, letzte %1 min</translation>
    </message>
</context>
<context>
    <name>qrs</name>
    <message>
        <source>timed out after %1 ms waiting for the sharer at %2</source>
        <translation>Zeitüberschreitung nach %1 ms beim Warten auf den Sharer unter %2</translation>
    </message>
    <message>
        <source>one transfer takes 1 to %1 resources, not %2</source>
        <translation>eine Übergabe umfasst 1 bis %1 Ressourcen, nicht %2</translation>
    </message>
    <message>
        <source>invalid sharer address &quot;%1&quot;</source>
        <translation>ungültige Sharer-Adresse „%1“</translation>
    </message>
    <message>
        <source>cannot create a socket: %1</source>
        <translation>Socket kann nicht erzeugt werden: %1</translation>
    </message>
    <message>
        <source>no sharer is listening at %1 (%2); has the sharing process exited?</source>
        <translation>unter %1 lauscht kein Sharer (%2); wurde der teilende Prozess beendet?</translation>
    </message>
    <message>
        <source>cannot connect to the sharer at %1: %2</source>
        <translation>keine Verbindung zum Sharer unter %1: %2</translation>
    </message>
    <message>
        <source>cannot acknowledge the transfer to %1: %2</source>
        <translation>die Übergabe an %1 kann nicht bestätigt werden: %2</translation>
    </message>
    <message>
        <source>cannot send the request to %1: %2</source>
        <translation>die Anfrage kann nicht an %1 gesendet werden: %2</translation>
    </message>
    <message>
        <source>lost the connection to the sharer at %1: %2</source>
        <translation>Verbindung zum Sharer unter %1 verloren: %2</translation>
    </message>
    <message>
        <source>the sharer at %1 closed the connection without answering</source>
        <translation>der Sharer unter %1 hat die Verbindung ohne Antwort geschlossen</translation>
    </message>
    <message>
        <source>the sharer at %1 sent a bad reply: %2</source>
        <translation>der Sharer unter %1 hat eine fehlerhafte Antwort gesendet: %2</translation>
    </message>
    <message>
        <source>refused (resource %1 of %2): %3</source>
        <translation>abgelehnt (Ressource %1 von %2): %3</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>abgelehnt: %1</translation>
    </message>
    <message>
        <source>the sharer at %1 sent an unexpected message</source>
        <translation>der Sharer unter %1 hat eine unerwartete Nachricht gesendet</translation>
    </message>
    <message>
        <source>received %1 of %2 descriptors: the kernel dropped the rest (MSG_CTRUNC); is the receiving process at its descriptor limit?</source>
        <translation>%1 von %2 Deskriptoren empfangen: der Kernel hat den Rest verworfen (MSG_CTRUNC); hat der empfangende Prozess seine Deskriptorgrenze erreicht?</translation>
    </message>
    <message>
        <source>expected %1 descriptors, received %2 with %3 headers</source>
        <translation>%1 Deskriptoren erwartet, %2 mit %3 Kopfzeilen empfangen</translation>
    </message>
    <message>
        <source>invalid resource id</source>
        <translation>ungültige Ressourcenkennung</translation>
    </message>
    <message>
        <source>one transfer takes resources of one sharer; %1 and %2 differ</source>
        <translation>eine Übergabe nimmt Ressourcen eines einzigen Sharers; %1 und %2 unterscheiden sich</translation>
    </message>
    <message>
        <source>no resource id given</source>
        <translation>keine Ressourcenkennung angegeben</translation>
    </message>
    <message>
        <source>poll failed: %1</source>
        <translation>poll fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>cannot duplicate descriptor %1: %2</source>
        <translation>Deskriptor %1 kann nicht dupliziert werden: %2</translation>
    </message>
    <message>
        <source>the process is exiting: its sharer has stopped</source>
        <translation>der Prozess wird beendet: sein Sharer ist angehalten</translation>
    </message>
    <message>
        <source>available</source>
        <translation>verfügbar</translation>
    </message>
    <message>
        <source>in transfer</source>
        <translation>in Übergabe</translation>
    </message>
    <message>
        <source>taken</source>
        <translation>übernommen</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>zurückgezogen</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>the sharer at %1 refused: %2</source>
        <translation>der Sharer unter %1 hat abgelehnt: %2</translation>
    </message>
    <message>
        <source>the sharer at %1 did not answer within %2 ms</source>
        <translation>der Sharer unter %1 hat nicht innerhalb von %2 ms geantwortet</translation>
    </message>
    <message>
        <source>the sharer at %1 closed the connection: %2</source>
        <translation>der Sharer unter %1 hat die Verbindung geschlossen: %2</translation>
    </message>
    <message>
        <source>no sharer address or pid given</source>
        <translation>keine Sharer-Adresse und keine PID angegeben</translation>
    </message>
    <message>
        <source>the sharer sent an unexpected message</source>
        <translation>der Sharer hat eine unerwartete Nachricht gesendet</translation>
    </message>
    <message>
        <source>the connection to the sharer at %1 broke: %2</source>
        <translation>die Verbindung zum Sharer unter %1 ist abgebrochen: %2</translation>
    </message>
    <message>
        <source>the process is gone</source>
        <translation>der Prozess existiert nicht mehr</translation>
    </message>
    <message>
        <source>cannot add &quot;%1&quot;: the process has already started</source>
        <translation>„%1“ kann nicht hinzugefügt werden: der Prozess läuft bereits</translation>
    </message>
    <message>
        <source>a resource named &quot;%1&quot; was already added</source>
        <translation>eine Ressource namens „%1“ wurde bereits hinzugefügt</translation>
    </message>
    <message>
        <source>cannot share &quot;%1&quot;: %2</source>
        <translation>„%1“ kann nicht geteilt werden: %2</translation>
    </message>
    <message>
        <source>cannot share &quot;%1&quot;: the QTcpServer is not listening</source>
        <translation>„%1“ kann nicht geteilt werden: der QTcpServer lauscht nicht</translation>
    </message>
    <message>
        <source>cannot share &quot;%1&quot;: the QLocalServer is not listening</source>
        <translation>„%1“ kann nicht geteilt werden: der QLocalServer lauscht nicht</translation>
    </message>
    <message>
        <source>cannot share &quot;%1&quot;: the file is not open</source>
        <translation>„%1“ kann nicht geteilt werden: die Datei ist nicht geöffnet</translation>
    </message>
    <message>
        <source>cannot share &quot;%1&quot;: the socket is not connected</source>
        <translation>„%1“ kann nicht geteilt werden: der Socket ist nicht verbunden</translation>
    </message>
    <message>
        <source>a resource name must not be empty</source>
        <translation>ein Ressourcenname darf nicht leer sein</translation>
    </message>
    <message>
        <source>the resource name &quot;%1...&quot; is longer than %2 characters</source>
        <translation>der Ressourcenname „%1...“ ist länger als %2 Zeichen</translation>
    </message>
    <message>
        <source>the resource name &quot;%1&quot; may only hold printable ASCII characters other than space and &apos;:&apos;</source>
        <translation>der Ressourcenname „%1“ darf nur druckbare ASCII-Zeichen außer Leerzeichen und &apos;:&apos; enthalten</translation>
    </message>
    <message>
        <source>%1 names resources but %2 is empty</source>
        <translation>%1 nennt Ressourcen, aber %2 ist leer</translation>
    </message>
    <message>
        <source>%1 holds %2 identifiers but %3 holds %4 names</source>
        <translation>%1 enthält %2 Kennungen, aber %3 enthält %4 Namen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: the name &quot;%2&quot; is given twice</source>
        <translation>%1: der Name „%2“ kommt zweimal vor</translation>
    </message>
    <message>
        <source>a file</source>
        <translation>eine Datei</translation>
    </message>
    <message>
        <source>a directory</source>
        <translation>ein Verzeichnis</translation>
    </message>
    <message>
        <source>a pipe</source>
        <translation>eine Pipe</translation>
    </message>
    <message>
        <source>a memory file</source>
        <translation>eine Speicherdatei</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>ein zeichenorientiertes Gerät</translation>
    </message>
    <message>
        <source>an unknown kind of descriptor</source>
        <translation>ein Deskriptor unbekannter Art</translation>
    </message>
    <message>
        <source>a socket that is not a stream socket</source>
        <translation>ein Socket, der kein Stream-Socket ist</translation>
    </message>
    <message>
        <source>a listening TCP socket</source>
        <translation>ein lauschender TCP-Socket</translation>
    </message>
    <message>
        <source>a connected TCP socket</source>
        <translation>ein verbundener TCP-Socket</translation>
    </message>
    <message>
        <source>a listening Unix socket</source>
        <translation>ein lauschender Unix-Socket</translation>
    </message>
    <message>
        <source>a connected Unix socket</source>
        <translation>ein verbundener Unix-Socket</translation>
    </message>
    <message>
        <source>a socket of another family</source>
        <translation>ein Socket einer anderen Familie</translation>
    </message>
    <message>
        <source>no resource named &quot;%1&quot; was passed to this process (%2 is not set: was it started with qrs::ChildResources?)</source>
        <translation>diesem Prozess wurde keine Ressource namens „%1“ übergeben (%2 ist nicht gesetzt: wurde er mit qrs::ChildResources gestartet?)</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
    <message>
        <source>no resource named &quot;%1&quot; was passed to this process; it has: %2</source>
        <translation>diesem Prozess wurde keine Ressource namens „%1“ übergeben; er hat: %2</translation>
    </message>
    <message>
        <source>cannot take the inherited resources: %1</source>
        <translation>die geerbten Ressourcen können nicht übernommen werden: %1</translation>
    </message>
    <message>
        <source>the resource &quot;%1&quot; was already taken by this process</source>
        <translation>die Ressource „%1“ wurde von diesem Prozess bereits übernommen</translation>
    </message>
    <message>
        <source>cannot take the resource &quot;%1&quot;: %2</source>
        <translation>die Ressource „%1“ kann nicht übernommen werden: %2</translation>
    </message>
    <message>
        <source>the resource &quot;%1&quot; is %2, not %3</source>
        <translation>die Ressource „%1“ ist %2, nicht %3</translation>
    </message>
    <message>
        <source>QTcpServer cannot listen on the resource &quot;%1&quot;: %2</source>
        <translation>QTcpServer kann auf der Ressource „%1“ nicht lauschen: %2</translation>
    </message>
    <message>
        <source>QLocalServer cannot listen on the resource &quot;%1&quot;: %2</source>
        <translation>QLocalServer kann auf der Ressource „%1“ nicht lauschen: %2</translation>
    </message>
    <message>
        <source>a file or a pipe</source>
        <translation>eine Datei oder eine Pipe</translation>
    </message>
    <message>
        <source>QFile cannot open the resource &quot;%1&quot;: %2</source>
        <translation>QFile kann die Ressource „%1“ nicht öffnen: %2</translation>
    </message>
    <message>
        <source>QTcpSocket cannot use the resource &quot;%1&quot;: %2</source>
        <translation>QTcpSocket kann die Ressource „%1“ nicht verwenden: %2</translation>
    </message>
    <message>
        <source>no resource is registered under this key</source>
        <translation>unter diesem Schlüssel ist keine Ressource registriert</translation>
    </message>
    <message>
        <source>the resource has already been taken</source>
        <translation>die Ressource wurde bereits übernommen</translation>
    </message>
    <message>
        <source>the resource expired before it was taken</source>
        <translation>die Ressource ist abgelaufen, bevor sie übernommen wurde</translation>
    </message>
    <message>
        <source>the resource was revoked by its owner</source>
        <translation>die Ressource wurde von ihrem Eigentümer zurückgezogen</translation>
    </message>
    <message>
        <source>access denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>malformed request</source>
        <translation>fehlerhafte Anfrage</translation>
    </message>
    <message>
        <source>request too large</source>
        <translation>Anfrage zu groß</translation>
    </message>
    <message>
        <source>the sharer is stopping</source>
        <translation>der Sharer wird angehalten</translation>
    </message>
    <message>
        <source>the resource is being handed to another process right now</source>
        <translation>die Ressource wird gerade an einen anderen Prozess übergeben</translation>
    </message>
    <message>
        <source>unsupported protocol version</source>
        <translation>nicht unterstützte Protokollversion</translation>
    </message>
    <message>
        <source>the receiver could not accept every descriptor (descriptor limit?)</source>
        <translation>der Empfänger konnte nicht alle Deskriptoren annehmen (Deskriptorgrenze?)</translation>
    </message>
    <message>
        <source>the receiver failed</source>
        <translation>der Empfänger ist gescheitert</translation>
    </message>
    <message>
        <source>the connection timed out</source>
        <translation>Zeitüberschreitung der Verbindung</translation>
    </message>
    <message>
        <source>the sharer has too many connections</source>
        <translation>der Sharer hat zu viele Verbindungen</translation>
    </message>
    <message>
        <source>error %1</source>
        <translation>Fehler %1</translation>
    </message>
    <message>
        <source>malformed %1 message</source>
        <translation>fehlerhafte Nachricht (%1)</translation>
    </message>
    <message>
        <source>not a QtResourceSharer frame</source>
        <translation>kein QtResourceSharer-Rahmen</translation>
    </message>
    <message>
        <source>protocol version %1, expected %2</source>
        <translation>Protokollversion %1, erwartet %2</translation>
    </message>
    <message>
        <source>unknown message type %1</source>
        <translation>unbekannter Nachrichtentyp %1</translation>
    </message>
    <message>
        <source>frame of %1 bytes exceeds the limit of %2</source>
        <translation>Rahmen von %1 Bytes überschreitet die Grenze von %2</translation>
    </message>
    <message>
        <source>a request names 1 to %1 keys, not %2</source>
        <translation>eine Anfrage nennt 1 bis %1 Schlüssel, nicht %2</translation>
    </message>
    <message>
        <source>malformed resource id &quot;%1&quot;: %2</source>
        <translation>fehlerhafte Ressourcenkennung „%1“: %2</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>sie ist leer</translation>
    </message>
    <message>
        <source>it does not start with &quot;%1&quot;</source>
        <translation>sie beginnt nicht mit „%1“</translation>
    </message>
    <message>
        <source>the &apos;@&apos; between key and address is missing</source>
        <translation>das &apos;@&apos; zwischen Schlüssel und Adresse fehlt</translation>
    </message>
    <message>
        <source>the key must be %1 hexadecimal digits, not %2</source>
        <translation>der Schlüssel muss aus %1 Hexadezimalziffern bestehen, nicht aus %2</translation>
    </message>
    <message>
        <source>the key contains &apos;%1&apos;, which is not a hexadecimal digit</source>
        <translation>der Schlüssel enthält &apos;%1&apos;, keine Hexadezimalziffer</translation>
    </message>
    <message>
        <source>the address contains white space or a non-ASCII character</source>
        <translation>die Adresse enthält Leerraum oder ein Nicht-ASCII-Zeichen</translation>
    </message>
    <message>
        <source>the address must be an absolute socket path</source>
        <translation>die Adresse muss ein absoluter Socket-Pfad sein</translation>
    </message>
    <message>
        <source>the address contains a NUL byte</source>
        <translation>die Adresse enthält ein NUL-Byte</translation>
    </message>
    <message>
        <source>the address is longer than a local socket path can be</source>
        <translation>die Adresse ist länger, als ein lokaler Socket-Pfad sein kann</translation>
    </message>
    <message>
        <source>cannot create a private directory in %1: %2</source>
        <translation>in %1 kann kein privates Verzeichnis angelegt werden: %2</translation>
    </message>
    <message>
        <source>descriptor %1 is not open</source>
        <translation>Deskriptor %1 ist nicht geöffnet</translation>
    </message>
    <message>
        <source>the name is longer than %1 bytes</source>
        <translation>der Name ist länger als %1 Bytes</translation>
    </message>
    <message>
        <source>the TTL must not be negative</source>
        <translation>die TTL darf nicht negativ sein</translation>
    </message>
    <message>
        <source>the request names a key twice</source>
        <translation>die Anfrage nennt einen Schlüssel zweimal</translation>
    </message>
    <message>
        <source>%1 is not a process id</source>
        <translation>%1 ist keine Prozesskennung</translation>
    </message>
    <message>
        <source>no process %1 is running</source>
        <translation>es läuft kein Prozess %1</translation>
    </message>
    <message>
        <source>process %1 publishes no sharer in %2 (none running, or another user&apos;s)</source>
        <translation>Prozess %1 veröffentlicht keinen Sharer in %2 (keiner läuft, oder er gehört einem anderen Benutzer)</translation>
    </message>
    <message>
        <source>the sharer of process %1 is not listening at %2 any more</source>
        <translation>der Sharer von Prozess %1 lauscht nicht mehr unter %2</translation>
    </message>
    <message>
        <source>cannot listen on %1: %2</source>
        <translation>kann nicht auf %1 lauschen: %2</translation>
    </message>
    <message>
        <source>the peer&apos;s credentials cannot be read</source>
        <translation>die Anmeldedaten der Gegenseite können nicht gelesen werden</translation>
    </message>
    <message>
        <source>the receiver sent a bad acknowledgement: %1</source>
        <translation>der Empfänger hat eine fehlerhafte Bestätigung gesendet: %1</translation>
    </message>
    <message>
        <source>the receiver (pid %1) closed the connection before acknowledging</source>
        <translation>der Empfänger (PID %1) hat die Verbindung vor der Bestätigung geschlossen</translation>
    </message>
    <message>
        <source>expected a request</source>
        <translation>Anfrage erwartet</translation>
    </message>
    <message>
        <source>the receiver sent a bad acknowledgement</source>
        <translation>der Empfänger hat eine fehlerhafte Bestätigung gesendet</translation>
    </message>
    <message>
        <source>the receiver (pid %1) gave the resources back: %2</source>
        <translation>der Empfänger (PID %1) hat die Ressourcen zurückgegeben: %2</translation>
    </message>
    <message>
        <source>the receiver sent an unexpected message</source>
        <translation>der Empfänger hat eine unerwartete Nachricht gesendet</translation>
    </message>
    <message>
        <source>only uid %1 may inspect or revoke in this sharer, not uid %2</source>
        <translation>nur UID %1 darf diesen Sharer einsehen oder darin zurückziehen, nicht UID %2</translation>
    </message>
    <message>
        <source>the request names pid %1 but comes from pid %2</source>
        <translation>die Anfrage nennt PID %1, kommt aber von PID %2</translation>
    </message>
    <message>
        <source>the sharer already has %1 watchers</source>
        <translation>der Sharer hat bereits %1 Beobachter</translation>
    </message>
    <message>
        <source>cannot send to pid %1: %2</source>
        <translation>kann nicht an PID %1 senden: %2</translation>
    </message>
    <message>
        <source>the transfer broke off</source>
        <translation>die Übergabe ist abgebrochen</translation>
    </message>
    <message>
        <source>no request within %1 ms</source>
        <translation>keine Anfrage innerhalb von %1 ms</translation>
    </message>
    <message>
        <source>the receiver (pid %1) did not acknowledge within %2 ms</source>
        <translation>der Empfänger (PID %1) hat nicht innerhalb von %2 ms bestätigt</translation>
    </message>
    <message>
        <source>the address is not a valid file name here</source>
        <translation>die Adresse ist hier kein gültiger Dateiname</translation>
    </message>
    <message>
        <source>it is not a private directory of this user</source>
        <translation>es ist kein privates Verzeichnis dieses Benutzers</translation>
    </message>
    <message>
        <source>the sharer sent resource %1 where %2 was due</source>
        <translation>der Sharer hat Ressource %1 gesendet, wo %2 an der Reihe war</translation>
    </message>
    <message>
        <source>cannot take resource %1 of %2: %3</source>
        <translation>Ressource %1 von %2 kann nicht übernommen werden: %3</translation>
    </message>
    <message>
        <source>a handle is 8 bytes, not %1</source>
        <translation>ein Handle ist 8 Bytes lang, nicht %1</translation>
    </message>
    <message>
        <source>descriptor %1 is not a socket</source>
        <translation>Deskriptor %1 ist kein Socket</translation>
    </message>
    <message>
        <source>the resource &quot;%1&quot; is not a socket</source>
        <translation>die Ressource „%1“ ist kein Socket</translation>
    </message>
    <message>
        <source>the address must be a pipe name</source>
        <translation>die Adresse muss ein Pipe-Name sein</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot make resource %1 of %2 over to pid %3: %4</source>
        <translation>Ressource %1 von %2 kann nicht an PID %3 übergeben werden: %4</translation>
    </message>
    <message>
        <source>a process status of %1 bytes is over the limit of %2</source>
        <translation>ein Prozessstatus von %1 Bytes überschreitet die Grenze von %2</translation>
    </message>
    <message>
        <source>a notification of %1 bytes is over the limit of %2</source>
        <translation>eine Benachrichtigung von %1 Bytes überschreitet die Grenze von %2</translation>
    </message>
    <message>
        <source>NOTIFY_SOCKET &quot;%1&quot; is not an absolute path or an @abstract name that fits a Unix socket address</source>
        <translation>NOTIFY_SOCKET „%1“ ist weder ein absoluter Pfad noch ein @abstrakter Name, der in eine Unix-Socket-Adresse passt</translation>
    </message>
    <message>
        <source>cannot notify the service manager at %1: %2</source>
        <translation>der Dienstverwalter unter %1 kann nicht benachrichtigt werden: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot name a stored descriptor: 1 to 255 printable ASCII characters other than space and &apos;:&apos; are needed</source>
        <translation>„%1“ kann keinen gespeicherten Deskriptor benennen: nötig sind 1 bis 255 druckbare ASCII-Zeichen außer Leerzeichen und &apos;:&apos;</translation>
    </message>
    <message>
        <source>there is no service manager to keep descriptor %1 (NOTIFY_SOCKET is not set)</source>
        <translation>es gibt keinen Dienstverwalter, der Deskriptor %1 aufbewahren könnte (NOTIFY_SOCKET ist nicht gesetzt)</translation>
    </message>
    <message>
        <source>killed by signal %1 (%2)</source>
        <translation>durch Signal %1 (%2) beendet</translation>
    </message>
    <message>
        <source>could not be started</source>
        <translation>konnte nicht gestartet werden</translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation>mit Code %1 beendet</translation>
    </message>
    <message>
        <source>the plugin %1 refused to start: %2</source>
        <translation>das Plugin %1 hat den Start verweigert: %2</translation>
    </message>
    <message>
        <source>loaded plugin %1 (%2)</source>
        <translation>Plugin %1 geladen (%2)</translation>
    </message>
    <message>
        <source>added extension %1</source>
        <translation>Erweiterung %1 hinzugefügt</translation>
    </message>
    <message>
        <source>worker %1 (pid %2)</source>
        <translation>Worker %1 (PID %2)</translation>
    </message>
    <message>
        <source>worker %1</source>
        <translation>Worker %1</translation>
    </message>
    <message>
        <source>%1 did not stop within %2 ms; killing it</source>
        <translation>%1 hat nicht innerhalb von %2 ms angehalten; wird abgebrochen</translation>
    </message>
    <message>
        <source>%1 is not ready after %2 ms (%3); killing it</source>
        <translation>%1 ist nach %2 ms nicht bereit (%3); wird abgebrochen</translation>
    </message>
    <message>
        <source>; its last status: %1</source>
        <translation>; sein letzter Status: %1</translation>
    </message>
    <message>
        <source>the plugin %1 cancelled the start of worker %2: %3</source>
        <translation>das Plugin %1 hat den Start von Worker %2 abgebrochen: %3</translation>
    </message>
    <message>
        <source>cannot start %1: %2</source>
        <translation>%1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>%1 started (generation %2)</source>
        <translation>%1 gestartet (Generation %2)</translation>
    </message>
    <message>
        <source>%1 is ready</source>
        <translation>%1 ist bereit</translation>
    </message>
    <message>
        <source>stopping %1</source>
        <translation>halte %1 an</translation>
    </message>
    <message>
        <source>%1 stopped: %2</source>
        <translation>%1 angehalten: %2</translation>
    </message>
    <message>
        <source>the replacement %1 ended before it was ready (%2); %3 keeps running</source>
        <translation>der Ersatz %1 endete, bevor er bereit war (%2); %3 läuft weiter</translation>
    </message>
    <message>
        <source>the replacement %1 ended before it was ready (%2)</source>
        <translation>der Ersatz %1 endete, bevor er bereit war (%2)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2; its replacement is starting</source>
        <translation>%1 %2; sein Ersatz startet</translation>
    </message>
    <message>
        <source>%1; restarting it in %2 ms</source>
        <translation>%1; Neustart in %2 ms</translation>
    </message>
    <message>
        <source>worker %1 could not be started</source>
        <translation>Worker %1 konnte nicht gestartet werden</translation>
    </message>
    <message>
        <source>a rolling restart is under way; another one will follow it</source>
        <translation>ein rollierender Neustart läuft; ein weiterer folgt ihm</translation>
    </message>
    <message>
        <source>worker %1 is down; its restart will run the new program</source>
        <translation>Worker %1 ist nicht aktiv; sein Neustart führt das neue Programm aus</translation>
    </message>
    <message>
        <source>rolling restart done: %1 of %2 workers replaced</source>
        <translation>rollierender Neustart fertig: %1 von %2 Workern ersetzt</translation>
    </message>
    <message>
        <source>stopping %1 workers</source>
        <translation>halte %1 Worker an</translation>
    </message>
    <message>
        <source>all workers stopped; %1 crash restarts, %2 rolling restarts, %3 unexpected exits</source>
        <translation>alle Worker angehalten; %1 Neustarts nach Absturz, %2 rollierende Neustarts, %3 unerwartete Beendigungen</translation>
    </message>
    <message>
        <source>cannot publish the workers&apos; status: %1</source>
        <translation>der Status der Worker kann nicht veröffentlicht werden: %1</translation>
    </message>
    <message>
        <source>%1: %2; killing it</source>
        <translation>%1: %2; wird abgebrochen</translation>
    </message>
    <message>
        <source>%1 is not a Qt plugin: %2</source>
        <translation>%1 ist kein Qt-Plugin: %2</translation>
    </message>
    <message>
        <source>%1 is not a supervisor extension: its interface is &quot;%2&quot;, not &quot;%3&quot;</source>
        <translation>%1 ist keine Supervisor-Erweiterung: seine Schnittstelle ist „%2“, nicht „%3“</translation>
    </message>
    <message>
        <source>cannot load %1: %2</source>
        <translation>%1 kann nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>the sharer at %1 closed the connection without answering: %2</source>
        <translation>der Sharer unter %1 hat die Verbindung ohne Antwort geschlossen: %2</translation>
    </message>
    <message>
        <source>cannot share &quot;%1&quot;: on Windows a QLocalServer listens on a named pipe, which has no handle to hand over; let the child listen on &quot;%2&quot; itself</source>
        <translation>kann &quot;%1&quot; nicht teilen: unter Windows lauscht ein QLocalServer auf einer benannten Pipe, die kein übergebbares Handle hat; lassen Sie den Kindprozess selbst auf &quot;%2&quot; lauschen</translation>
    </message>
    <message>
        <source>the resource &quot;%1&quot; cannot be given a C runtime descriptor</source>
        <translation>die Ressource &quot;%1&quot; kann keinen Deskriptor der C-Laufzeitbibliothek erhalten</translation>
    </message>
    <message>
        <source>cannot connect to the sharer at %1: %2; it shares nothing with this user</source>
        <translation>keine Verbindung zum Sharer unter %1: %2; er teilt nichts mit diesem Benutzer</translation>
    </message>
    <message>
        <source>pid (starting)</source>
        <translation>PID (startet)</translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>uid %1</source>
        <translation>UID %1</translation>
    </message>
    <message>
        <source>gid %1</source>
        <translation>GID %1</translation>
    </message>
    <message>
        <source>group %1</source>
        <translation>Gruppe %1</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <source>the command is %1 bytes; at most %2 are taken</source>
        <translation>der Befehl hat %1 Bytes; höchstens %2 werden angenommen</translation>
    </message>
    <message>
        <source>cannot bind the resources to the child (pid %1): %2</source>
        <translation>die Ressourcen können nicht an das Kind (PID %1) gebunden werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a resource of this sharer</source>
        <translation>%1 ist keine Ressource dieses Sharers</translation>
    </message>
    <message>
        <source>this platform has no users or groups to name</source>
        <translation>diese Plattform hat keine Benutzer oder Gruppen, die sich nennen ließen</translation>
    </message>
    <message>
        <source>a resource bound to one process may not name users or groups besides</source>
        <translation>eine an einen Prozess gebundene Ressource darf nicht zusätzlich Benutzer oder Gruppen nennen</translation>
    </message>
    <message>
        <source>a rule names at most %1 users and groups</source>
        <translation>eine Regel nennt höchstens %1 Benutzer und Gruppen</translation>
    </message>
    <message>
        <source>cannot bind the resource to pid %1: %2</source>
        <translation>die Ressource kann nicht an PID %1 gebunden werden: %2</translation>
    </message>
    <message>
        <source>cannot bind to pid %1: %2</source>
        <translation>Bindung an PID %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>not every resource is in this sharer and waiting for its process</source>
        <translation>nicht jede Ressource ist in diesem Sharer und wartet auf ihren Prozess</translation>
    </message>
    <message>
        <source>sharing with other users is not supported on Windows</source>
        <translation>das Teilen mit anderen Benutzern wird unter Windows nicht unterstützt</translation>
    </message>
    <message>
        <source>only uid %1 or root may send commands to this process, not uid %2</source>
        <translation>nur UID %1 oder root darf diesem Prozess Befehle senden, nicht UID %2</translation>
    </message>
    <message>
        <source>the reply is too large</source>
        <translation>die Antwort ist zu groß</translation>
    </message>
    <message>
        <source>the process dropped the command</source>
        <translation>der Prozess hat den Befehl verworfen</translation>
    </message>
    <message>
        <source>this process takes no commands</source>
        <translation>dieser Prozess nimmt keine Befehle an</translation>
    </message>
    <message>
        <source>no rule admits pid %1 (uid %2)</source>
        <translation>keine Regel lässt PID %1 (UID %2) zu</translation>
    </message>
    <message>
        <source>cannot run the workers as %1: %2</source>
        <translation>die Worker können nicht als %1 laufen: %2</translation>
    </message>
    <message>
        <source>cannot run the workers as %1: only root may run them as another user or group</source>
        <translation>die Worker können nicht als %1 laufen: nur root darf sie als anderen Benutzer oder andere Gruppe laufen lassen</translation>
    </message>
    <message>
        <source>only %1 of %2 workers are ready after %3 ms</source>
        <translation>nur %1 von %2 Workern sind nach %3 ms bereit</translation>
    </message>
    <message>
        <source>%1, asked by pid %2</source>
        <translation>%1, angefordert von PID %2</translation>
    </message>
    <message>
        <source>the supervisor is stopping</source>
        <translation>der Supervisor hält an</translation>
    </message>
    <message>
        <source>a rolling restart is under way</source>
        <translation>ein rollierender Neustart läuft</translation>
    </message>
    <message>
        <source>%1 refused: %2</source>
        <translation>%1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;; known: %2</source>
        <translation>unbekannter Befehl „%1“; bekannt: %2</translation>
    </message>
    <message>
        <source>%1 of %2 workers were not replaced: %3</source>
        <translation>%1 von %2 Workern wurden nicht ersetzt: %3</translation>
    </message>
    <message>
        <source>restart-worker takes a slot from 0 to %1</source>
        <translation>restart-worker erwartet einen Platz von 0 bis %1</translation>
    </message>
    <message>
        <source>worker %1 is not running; it restarts on its own</source>
        <translation>Worker %1 läuft nicht; er startet von selbst neu</translation>
    </message>
    <message>
        <source>scale takes a number of workers from 1 to %1</source>
        <translation>scale erwartet eine Anzahl von Workern von 1 bis %1</translation>
    </message>
    <message>
        <source>worker %1 %2 before it was ready; it is restarted with backoff</source>
        <translation>Worker %1: %2, bevor er bereit war; er wird mit wachsender Wartezeit neu gestartet</translation>
    </message>
    <message>
        <source>worker %1 was removed</source>
        <translation>Worker %1 wurde entfernt</translation>
    </message>
    <message>
        <source>slot %1 has no worker left</source>
        <translation>Platz %1 hat keinen Worker mehr</translation>
    </message>
    <message>
        <source>rolling restart: replacing %1 workers, %2 at a time</source>
        <translation>rollierender Neustart: ersetze %1 Worker, %2 gleichzeitig</translation>
    </message>
    <message>
        <source>replacing worker %1</source>
        <translation>ersetze Worker %1</translation>
    </message>
    <message>
        <source>worker %1: its replacement could not be started</source>
        <translation>Worker %1: sein Ersatz konnte nicht gestartet werden</translation>
    </message>
    <message>
        <source>workers: %1 -&gt; %2</source>
        <translation>Worker: %1 -&gt; %2</translation>
    </message>
    <message>
        <source>%1 is under way</source>
        <translation>%1 läuft gerade</translation>
    </message>
    <message>
        <source>the command &quot;%1&quot;</source>
        <translation>der Befehl „%1“</translation>
    </message>
    <message>
        <source>a rolling restart</source>
        <translation>ein rollierender Neustart</translation>
    </message>
    <message>
        <source>the restart of worker %1</source>
        <translation>der Neustart von Worker %1</translation>
    </message>
    <message>
        <source>a scaling to %1 workers</source>
        <translation>eine Skalierung auf %1 Worker</translation>
    </message>
    <message>
        <source>LISTEN_PID=%1 is not a process id</source>
        <translation>LISTEN_PID=%1 ist keine Prozesskennung</translation>
    </message>
    <message>
        <source>LISTEN_FDS=%1 is not a number of descriptors</source>
        <translation>LISTEN_FDS=%1 ist keine Anzahl von Deskriptoren</translation>
    </message>
    <message>
        <source>LISTEN_FDNAMES names %1 sockets but LISTEN_FDS passes %2</source>
        <translation>LISTEN_FDNAMES nennt %1 Sockets, aber LISTEN_FDS übergibt %2</translation>
    </message>
    <message>
        <source>%1 is missing or not executable</source>
        <translation>%1 fehlt oder ist nicht ausführbar</translation>
    </message>
    <message>
        <source>cannot create the successor&apos;s notification socket in %1: %2</source>
        <translation>der Benachrichtigungs-Socket für den Nachfolger kann in %1 nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>cannot share %1 with the successor: %2</source>
        <translation>%1 kann nicht mit dem Nachfolger geteilt werden: %2</translation>
    </message>
    <message>
        <source>the successor (pid %1) ended at once</source>
        <translation>der Nachfolger (PID %1) hat sich sofort beendet</translation>
    </message>
    <message>
        <source>the successor (pid %1) was not ready within %2 ms</source>
        <translation>der Nachfolger (PID %1) war nicht innerhalb von %2 ms bereit</translation>
    </message>
    <message>
        <source>the successor (pid %1): %2</source>
        <translation>der Nachfolger (PID %1): %2</translation>
    </message>
    <message>
        <source>the successor (pid %1) ended before it was ready</source>
        <translation>der Nachfolger (PID %1) hat sich beendet, bevor er bereit war</translation>
    </message>
    <message>
        <source>upgrade failed: %1; this supervisor goes on serving</source>
        <translation>Aktualisierung fehlgeschlagen: %1; dieser Supervisor bedient weiter</translation>
    </message>
    <message>
        <source>an upgrade is under way (successor pid %1)</source>
        <translation>eine Aktualisierung läuft (Nachfolger PID %1)</translation>
    </message>
    <message>
        <source>this supervisor is stopping</source>
        <translation>dieser Supervisor hält an</translation>
    </message>
    <message>
        <source>upgrade: the successor (pid %1) is ready; stopping the workers of this supervisor</source>
        <translation>Aktualisierung: der Nachfolger (PID %1) ist bereit; die Worker dieses Supervisors werden angehalten</translation>
    </message>
    <message numerus="yes">
        <source>upgrading in place: started %1 (pid %2) and handed it %n socket(s)</source>
        <translation>
            <numerusform>Aktualisierung im laufenden Betrieb: %1 (PID %2) gestartet und ihm %n Socket übergeben</numerusform>
            <numerusform>Aktualisierung im laufenden Betrieb: %1 (PID %2) gestartet und ihm %n Sockets übergeben</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot take the sockets of the supervisor this one replaces: %1</source>
        <translation>die Sockets des Supervisors, den dieser ersetzt, können nicht übernommen werden: %1</translation>
    </message>
    <message>
        <source>expected %1 with a port from 0 to 65535, not &quot;%2&quot;</source>
        <translation>%1 mit einem Port von 0 bis 65535 erwartet, nicht „%2“</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a numeric IP address (or * or localhost)</source>
        <translation>„%1“ ist keine numerische IP-Adresse (oder * oder localhost)</translation>
    </message>
    <message>
        <source>cannot listen on %1 port %2: %3</source>
        <translation>kann nicht auf %1 Port %2 lauschen: %3</translation>
    </message>
    <message>
        <source>cannot duplicate a socket: %1</source>
        <translation>ein Socket kann nicht dupliziert werden: %1</translation>
    </message>
    <message>
        <source>%1 is in use by a running server</source>
        <translation>%1 wird von einem laufenden Server verwendet</translation>
    </message>
    <message>
        <source>--listen %1: the name &quot;%2&quot; may only hold printable ASCII other than space and &apos;:&apos;</source>
        <translation>--listen %1: der Name „%2“ darf nur druckbares ASCII außer Leerzeichen und &apos;:&apos; enthalten</translation>
    </message>
    <message>
        <source>--listen %1: a Unix socket path of 1 to %2 bytes is needed</source>
        <translation>--listen %1: ein Unix-Socket-Pfad von 1 bis %2 Bytes wird benötigt</translation>
    </message>
    <message>
        <source>--listen %1: %2</source>
        <translation>--listen %1: %2</translation>
    </message>
    <message>
        <source>--listen %1: expected [NAME=]tcp:HOST:PORT, [NAME=]unix:PATH or NAME=inherit</source>
        <translation>--listen %1: erwartet wird [NAME=]tcp:HOST:PORT, [NAME=]unix:PATH oder NAME=inherit</translation>
    </message>
    <message>
        <source>descriptor %1 (%2), passed by the service manager, is not a socket</source>
        <translation>Deskriptor %1 (%2), vom Dienstverwalter übergeben, ist kein Socket</translation>
    </message>
    <message>
        <source>the service manager</source>
        <translation>den Dienstverwalter</translation>
    </message>
    <message>
        <source>the supervisor it replaces</source>
        <translation>den Supervisor, den er ersetzt</translation>
    </message>
    <message>
        <source>--listen %1: the name is used twice</source>
        <translation>--listen %1: der Name wird zweimal verwendet</translation>
    </message>
    <message>
        <source>listening on %1 as %2 (passed by %3)</source>
        <translation>lausche auf %1 als %2 (übergeben durch %3)</translation>
    </message>
    <message>
        <source>--listen %1=inherit: no socket was passed by a service manager (LISTEN_FDS is not set for this process)</source>
        <translation>--listen %1=inherit: kein Dienstverwalter hat einen Socket übergeben (LISTEN_FDS ist für diesen Prozess nicht gesetzt)</translation>
    </message>
    <message>
        <source>--listen %1=inherit: the service manager passed no socket named %1 (LISTEN_FDNAMES)</source>
        <translation>--listen %1=inherit: der Dienstverwalter hat keinen Socket namens %1 übergeben (LISTEN_FDNAMES)</translation>
    </message>
    <message>
        <source>listening on %1 as %2</source>
        <translation>lausche auf %1 als %2</translation>
    </message>
    <message>
        <source>%1 is kept in the service manager&apos;s descriptor store</source>
        <translation>%1 wird im Deskriptorspeicher des Dienstverwalters aufbewahrt</translation>
    </message>
    <message>
        <source>%1 passed two sockets named %2</source>
        <translation>zwei Sockets namens %2 wurden übergeben durch %1</translation>
    </message>
    <message>
        <source>rolling restart</source>
        <translation>rollierender Neustart</translation>
    </message>
    <message>
        <source>rolling restart done: %1 of %2 workers replaced; %3 of %2 ready</source>
        <translation>rollierender Neustart fertig: %1 von %2 Workern ersetzt; %3 von %2 bereit</translation>
    </message>
    <message>
        <source>handed over to pid %1</source>
        <translation>an PID %1 übergeben</translation>
    </message>
    <message>
        <source>the supervisor this one replaces (pid %1) has exited</source>
        <translation>der Supervisor, den dieser ersetzt (PID %1), hat sich beendet</translation>
    </message>
    <message>
        <source>starting %1 workers</source>
        <translation>starte %1 Worker</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>hält an</translation>
    </message>
    <message>
        <source>%1 of %2 workers ready</source>
        <translation>%1 von %2 Workern bereit</translation>
    </message>
    <message>
        <source>cannot tell the service manager: %1 (said once)</source>
        <translation>der Dienstverwalter kann nicht benachrichtigt werden: %1 (nur einmal gemeldet)</translation>
    </message>
    <message>
        <source>there is no service manager to keep the sockets (NOTIFY_SOCKET is not set)</source>
        <translation>es gibt keinen Dienstverwalter, der die Sockets aufbewahrt (NOTIFY_SOCKET ist nicht gesetzt)</translation>
    </message>
    <message>
        <source>this program</source>
        <translation>diesem Programm</translation>
    </message>
    <message>
        <source>%1 is not loaded: a plugin named %2 is, from %3</source>
        <translation>%1 wird nicht geladen: ein Plugin namens %2 ist bereits geladen, aus %3</translation>
    </message>
    <message>
        <source>skipped %1: the plugin of that name was loaded from %2</source>
        <translation>%1 übersprungen: das Plugin dieses Namens wurde aus %2 geladen</translation>
    </message>
</context>
<context>
    <name>qrs-tools</name>
    <message>
        <source>--%1 takes a positive number of milliseconds, not &quot;%2&quot;</source>
        <translation>--%1 erwartet eine positive Anzahl Millisekunden, nicht „%2“</translation>
    </message>
    <message>
        <source>cannot run %1: not found or not executable</source>
        <translation>%1 kann nicht ausgeführt werden: nicht gefunden oder nicht ausführbar</translation>
    </message>
</context>
<context>
    <name>qrs::NotifyExtension</name>
    <message>
        <source>no host given</source>
        <translation>kein Host angegeben</translation>
    </message>
    <message>
        <source>watchdog=%1: expected a positive number of milliseconds</source>
        <translation>watchdog=%1: erwartet wird eine positive Zahl von Millisekunden</translation>
    </message>
    <message>
        <source>cannot create a private directory in %1: %2</source>
        <translation>in %1 kann kein privates Verzeichnis angelegt werden: %2</translation>
    </message>
    <message>
        <source>worker %1 (pid %2)</source>
        <translation>Worker %1 (PID %2)</translation>
    </message>
    <message>
        <source>worker %1</source>
        <translation>Worker %1</translation>
    </message>
    <message>
        <source>%1: %2 more notifications in one second, not logged</source>
        <translation>%1: %2 weitere Benachrichtigungen in einer Sekunde, nicht protokolliert</translation>
    </message>
    <message>
        <source>cannot create a notification socket at %1: %2</source>
        <translation>unter %1 kann kein Benachrichtigungs-Socket angelegt werden: %2</translation>
    </message>
    <message>
        <source>cannot create a notification pipe: %1</source>
        <translation>es kann keine Benachrichtigungs-Pipe angelegt werden: %1</translation>
    </message>
    <message>
        <source>waiting for a newline on its descriptor %1</source>
        <translation>warte auf einen Zeilenumbruch auf seinem Deskriptor %1</translation>
    </message>
    <message>
        <source>waiting for READY=1 on its NOTIFY_SOCKET</source>
        <translation>warte auf READY=1 an seinem NOTIFY_SOCKET</translation>
    </message>
    <message>
        <source>%1: a notification without credentials was ignored</source>
        <translation>%1: eine Benachrichtigung ohne Anmeldedaten wurde ignoriert</translation>
    </message>
    <message>
        <source>%1: a notification from uid %2 (pid %3) was ignored: only uid %4 may speak for it</source>
        <translation>%1: eine Benachrichtigung von UID %2 (PID %3) wurde ignoriert: nur UID %4 darf für ihn sprechen</translation>
    </message>
    <message>
        <source>%1: a notification of %2 bytes was ignored: the limit is %3</source>
        <translation>%1: eine Benachrichtigung von %2 Bytes wurde ignoriert: die Grenze ist %3</translation>
    </message>
    <message>
        <source>%1: a notification with a NUL byte was ignored</source>
        <translation>%1: eine Benachrichtigung mit einem NUL-Byte wurde ignoriert</translation>
    </message>
    <message>
        <source>%1: %2 lines that are not KEY=VALUE were ignored</source>
        <translation>%1: %2 Zeilen, die nicht KEY=VALUE sind, wurden ignoriert</translation>
    </message>
    <message>
        <source>%1: status: %2</source>
        <translation>%1: Status: %2</translation>
    </message>
    <message>
        <source>%1 says it is stopping</source>
        <translation>%1 meldet, dass er anhält</translation>
    </message>
    <message>
        <source>%1 says it is reloading</source>
        <translation>%1 meldet, dass er neu lädt</translation>
    </message>
    <message>
        <source>%1 names pid %2 as its main process</source>
        <translation>%1 nennt PID %2 als seinen Hauptprozess</translation>
    </message>
    <message>
        <source>%1: MAINPID=%2 is not a pid; ignored</source>
        <translation>%1: MAINPID=%2 ist keine PID; ignoriert</translation>
    </message>
    <message>
        <source>%1 reports error %2 (%3)</source>
        <translation>%1 meldet Fehler %2 (%3)</translation>
    </message>
    <message>
        <source>%1: ERRNO=%2 is not an error number; ignored</source>
        <translation>%1: ERRNO=%2 ist keine Fehlernummer; ignoriert</translation>
    </message>
    <message>
        <source>%1 asks for %2 ms more</source>
        <translation>%1 bittet um %2 ms mehr</translation>
    </message>
    <message>
        <source>it triggered its watchdog (WATCHDOG=trigger)</source>
        <translation>er hat seinen Watchdog ausgelöst (WATCHDOG=trigger)</translation>
    </message>
    <message>
        <source>%1: FDSTORE=1 is not supported yet; the %2 descriptors sent were closed</source>
        <translation>%1: FDSTORE=1 wird noch nicht unterstützt; die %2 gesendeten Deskriptoren wurden geschlossen</translation>
    </message>
    <message>
        <source>a newline on descriptor %1</source>
        <translation>ein Zeilenumbruch auf Deskriptor %1</translation>
    </message>
    <message>
        <source>%1 closed its descriptor %2 without writing a newline: it is not ready</source>
        <translation>%1 hat seinen Deskriptor %2 ohne Zeilenumbruch geschlossen: er ist nicht bereit</translation>
    </message>
    <message>
        <source>%1 said it is ready (%2)</source>
        <translation>%1 hat gemeldet, dass er bereit ist (%2)</translation>
    </message>
    <message>
        <source>its watchdog ran out: no WATCHDOG=1 for %1 ms</source>
        <translation>sein Watchdog ist abgelaufen: kein WATCHDOG=1 seit %1 ms</translation>
    </message>
    <message>
        <source>cannot open %1 to the workers&apos; user: %2</source>
        <translation>%1 kann nicht für den Benutzer der Worker geöffnet werden: %2</translation>
    </message>
    <message>
        <source>cannot give the notification socket %1 to uid %2: %3</source>
        <translation>der Benachrichtigungs-Socket %1 kann nicht an UID %2 übergeben werden: %3</translation>
    </message>
</context>
<context>
    <name>qrs::Readiness</name>
    <message>
        <source>ready=%1: the descriptor must be a number from 3 to 1023</source>
        <translation>ready=%1: der Deskriptor muss eine Zahl von 3 bis 1023 sein</translation>
    </message>
    <message>
        <source>ready=%1: expected taken, notify or fd:N</source>
        <translation>ready=%1: erwartet wird taken, notify oder fd:N</translation>
    </message>
</context>
<context>
    <name>qrs::ResourceSharerExtension</name>
    <message>
        <source>no host given</source>
        <translation>kein Host angegeben</translation>
    </message>
    <message>
        <source>waiting for it to take %1</source>
        <translation>warte darauf, dass er %1 übernimmt</translation>
    </message>
    <message>
        <source>worker %1 (pid %2) took %3</source>
        <translation>Worker %1 (PID %2) hat %3 übernommen</translation>
    </message>
    <message>
        <source>worker %1 ended without taking %2; it was withdrawn</source>
        <translation>Worker %1 endete, ohne %2 zu übernehmen; es wurde zurückgezogen</translation>
    </message>
</context>
<context>
    <name>qrs_demo_worker</name>
    <message>
        <source>Answers HTTP requests with its pid on the listening socket its supervisor passed.</source>
        <translation>Beantwortet HTTP-Anfragen mit seiner PID auf dem lauschenden Socket, den sein Supervisor übergeben hat.</translation>
    </message>
    <message>
        <source>The name of the inherited socket (default http).</source>
        <translation>Der Name des geerbten Sockets (Vorgabe: http).</translation>
    </message>
    <message>
        <source>How long it loads after taking the socket before it serves and says READY=1 (default 0).</source>
        <translation>Wie lange er nach der Übernahme des Sockets lädt, bevor er bedient und READY=1 meldet (Vorgabe 0).</translation>
    </message>
    <message>
        <source>--load-ms takes a number of milliseconds, not &quot;%1&quot;</source>
        <translation>--load-ms erwartet eine Zahl von Millisekunden, nicht „%1“</translation>
    </message>
</context>
<context>
    <name>qrs_detach</name>
    <message>
        <source>Receives shared resources and runs PROGRAM with them at descriptors 3, 4, ... (systemd socket activation: LISTEN_FDS, LISTEN_PID, LISTEN_FDNAMES).</source>
        <translation>Empfängt geteilte Ressourcen und startet PROGRAMM mit ihnen auf den Deskriptoren 3, 4, ... (systemd-Socket-Aktivierung: LISTEN_FDS, LISTEN_PID, LISTEN_FDNAMES).</translation>
    </message>
    <message>
        <source>Give up after MS milliseconds (default %1).</source>
        <translation>Nach MS Millisekunden aufgeben (Vorgabe: %1).</translation>
    </message>
    <message>
        <source>A resource identifier. Without any, the resources named in QRS_RESOURCES (passed by qrs::ChildResources or qrs-supervise).</source>
        <translation>Eine Ressourcenkennung. Ohne Angabe die in QRS_RESOURCES genannten Ressourcen (übergeben von qrs::ChildResources oder qrs-supervise).</translation>
    </message>
    <message>
        <source>no resource id given before &quot;--&quot;, and QRS_RESOURCES is not set</source>
        <translation>keine Ressourcenkennung vor „--“ angegeben, und QRS_RESOURCES ist nicht gesetzt</translation>
    </message>
    <message>
        <source>cannot move a received descriptor: %1</source>
        <translation>ein empfangener Deskriptor kann nicht verschoben werden: %1</translation>
    </message>
    <message>
        <source>cannot place descriptor %1: %2</source>
        <translation>Deskriptor %1 kann nicht platziert werden: %2</translation>
    </message>
    <message>
        <source>cannot run %1: %2</source>
        <translation>%1 kann nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>warning: &quot;%1&quot; was made non-blocking by another process that holds it (a Qt program?); it stays so, since clearing the flag would hang that process. A blocking accept() or read() in PROGRAM fails with EAGAIN: do not share one socket between Qt programs and programs that expect it blocking, or pass --nonblocking if PROGRAM copes</source>
        <translation>Warnung: „%1“ wurde von einem anderen Prozess, der es hält, auf nicht blockierend gestellt (ein Qt-Programm?); es bleibt so, da das Zurücksetzen des Flags diesen Prozess hängen ließe. Ein blockierendes accept() oder read() in PROGRAM scheitert mit EAGAIN: teilen Sie einen Socket nicht zwischen Qt-Programmen und Programmen, die ihn blockierend erwarten, oder geben Sie --nonblocking an, wenn PROGRAM damit umgehen kann</translation>
    </message>
    <message>
        <source>Set O_NONBLOCK on every descriptor passed (systemd&apos;s NonBlocking=yes). Without it they are passed blocking, as systemd does.</source>
        <translation>O_NONBLOCK auf jedem übergebenen Deskriptor setzen (NonBlocking=yes bei systemd). Ohne diese Option werden sie blockierend übergeben, wie systemd es tut.</translation>
    </message>
    <message>
        <source>no PROGRAM: usage: qrs-detach [--timeout MS] [--nonblocking] [ID...] -- PROGRAM [ARGS...]</source>
        <translation>kein PROGRAM: Aufruf: qrs-detach [--timeout MS] [--nonblocking] [ID...] -- PROGRAM [ARGS...]</translation>
    </message>
</context>
<context>
    <name>qrs_inspect</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>SCHLÜSSEL</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>ART</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>ZUSTAND</translation>
    </message>
    <message>
        <source>AGE</source>
        <translation>ALTER</translation>
    </message>
    <message>
        <source>TTL</source>
        <translation>TTL</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>TAKEN BY</source>
        <translation>ÜBERNOMMEN VON</translation>
    </message>
    <message>
        <source>DESCRIPTION</source>
        <translation>BESCHREIBUNG</translation>
    </message>
    <message numerus="yes">
        <source>sharer of process %1 at %2: %n resource(s) cached</source>
        <translation>
            <numerusform>Sharer von Prozess %1 unter %2: %n Ressource vorgehalten</numerusform>
            <numerusform>Sharer von Prozess %1 unter %2: %n Ressourcen vorgehalten</numerusform>
        </translation>
    </message>
    <message>
        <source>registered %1, taken %2, expired %3, revoked %4, failed %5</source>
        <translation>registriert %1, übernommen %2, abgelaufen %3, zurückgezogen %4, fehlgeschlagen %5</translation>
    </message>
    <message>
        <source>the sharer at %1 did not answer within %2 ms</source>
        <translation>der Sharer unter %1 hat nicht innerhalb von %2 ms geantwortet</translation>
    </message>
    <message>
        <source>Shows the live cache of a running resource sharer in a window.</source>
        <translation>Zeigt den aktuellen Zwischenspeicher eines laufenden Ressourcen-Sharers in einem Fenster.</translation>
    </message>
    <message>
        <source>Open the panel in a window.</source>
        <translation>Die Ansicht in einem Fenster öffnen.</translation>
    </message>
    <message>
        <source>The sharer&apos;s socket address, or the pid of its process.</source>
        <translation>Die Socket-Adresse des Sharers oder die PID seines Prozesses.</translation>
    </message>
    <message>
        <source>usage: qrs-inspect --gui ADDRESS|PID</source>
        <translation>Aufruf: qrs-inspect --gui ADRESSE|PID</translation>
    </message>
    <message>
        <source>cannot load the QtResourceSharer QML module</source>
        <translation>das QML-Modul QtResourceSharer kann nicht geladen werden</translation>
    </message>
    <message>
        <source>Shows the cache of a running resource sharer of this user.</source>
        <translation>Zeigt den Zwischenspeicher eines laufenden Ressourcen-Sharers dieses Benutzers.</translation>
    </message>
    <message>
        <source>One JSON object per line: the sharer, then each resource (with --watch: each change).</source>
        <translation>Ein JSON-Objekt pro Zeile: der Sharer, dann jede Ressource (mit --watch: jede Änderung).</translation>
    </message>
    <message>
        <source>Keep following the sharer and print every change.</source>
        <translation>Dem Sharer weiter folgen und jede Änderung ausgeben.</translation>
    </message>
    <message>
        <source>How long to wait for the sharer (default 5000).</source>
        <translation>Wie lange auf den Sharer gewartet wird (Vorgabe: 5000).</translation>
    </message>
    <message>
        <source>usage: qrs-inspect [--json] [--watch] ADDRESS|PID</source>
        <translation>Aufruf: qrs-inspect [--json] [--watch] ADRESSE|PID</translation>
    </message>
    <message>
        <source>%1; retrying</source>
        <translation>%1; neuer Versuch folgt</translation>
    </message>
    <message>
        <source>following the sharer of process %1 again</source>
        <translation>folge wieder dem Sharer von Prozess %1</translation>
    </message>
    <message>
        <source>Resource sharer: %1</source>
        <translation>Ressourcen-Sharer: %1</translation>
    </message>
    <message>
        <source>process %1 has ended</source>
        <translation>Prozess %1 ist beendet</translation>
    </message>
    <message>
        <source>process status: %1</source>
        <translation>Prozessstatus: %1</translation>
    </message>
    <message>
        <source>WHO MAY TAKE</source>
        <translation>WER ÜBERNEHMEN DARF</translation>
    </message>
</context>
<context>
    <name>qrs_share</name>
    <message>
        <source>bad SPEC &quot;%1&quot;: expected file:PATH, tcp-listen:HOST:PORT, unix-listen:PATH or fd:N</source>
        <translation>fehlerhafte SPEC „%1“: erwartet file:PFAD, tcp-listen:HOST:PORT, unix-listen:PFAD oder fd:N</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>cannot listen on %1: %2</source>
        <translation>kann nicht auf %1 lauschen: %2</translation>
    </message>
    <message>
        <source>descriptor %1 is not open</source>
        <translation>Deskriptor %1 ist nicht geöffnet</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a descriptor number</source>
        <translation>„%1“ ist keine Deskriptornummer</translation>
    </message>
    <message>
        <source>unknown SPEC kind &quot;%1&quot; in &quot;%2&quot;: expected file, tcp-listen, unix-listen or fd</source>
        <translation>unbekannte SPEC-Art „%1“ in „%2“: erwartet file, tcp-listen, unix-listen oder fd</translation>
    </message>
    <message>
        <source>bad SPEC &quot;%1&quot;: </source>
        <translation>fehlerhafte SPEC „%1“: </translation>
    </message>
    <message>
        <source>Shares resources with other processes and prints one identifier per line.
SPEC: file:PATH, tcp-listen:HOST:PORT (port 0: any), unix-listen:PATH, fd:N,
each optionally prefixed with NAME= (the name shows in LISTEN_FDNAMES).
Exits 0 once every resource is taken, 3 if the TTL passes first, 2 on bad input.</source>
        <translation>Teilt Ressourcen mit anderen Prozessen und gibt eine Kennung pro Zeile aus.
SPEC: file:PFAD, tcp-listen:HOST:PORT (Port 0: beliebig), unix-listen:PFAD, fd:N,
jeweils wahlweise mit vorangestelltem NAME= (der Name erscheint in LISTEN_FDNAMES).
Endet mit 0, sobald jede Ressource übernommen ist, mit 3, wenn zuvor die TTL abläuft, mit 2 bei fehlerhafter Eingabe.</translation>
    </message>
    <message>
        <source>Withdraw resources not taken within MS milliseconds.</source>
        <translation>Ressourcen zurückziehen, die nicht binnen MS Millisekunden übernommen wurden.</translation>
    </message>
    <message>
        <source>Print one JSON object per resource.</source>
        <translation>Ein JSON-Objekt pro Ressource ausgeben.</translation>
    </message>
    <message>
        <source>A resource to share.</source>
        <translation>Eine zu teilende Ressource.</translation>
    </message>
    <message>
        <source>nothing to share: give at least one SPEC (see --help)</source>
        <translation>nichts zu teilen: mindestens eine SPEC angeben (siehe --help)</translation>
    </message>
    <message>
        <source>not taken before the TTL passed: %1 (%2)</source>
        <translation>vor Ablauf der TTL nicht übernommen: %1 (%2)</translation>
    </message>
    <message>
        <source>unix-listen is not available on Windows</source>
        <translation>unix-listen ist unter Windows nicht verfügbar</translation>
    </message>
    <message>
        <source>--%1 %2: %3</source>
        <translation>--%1 %2: %3</translation>
    </message>
    <message>
        <source>Let USER (a name or a uid) take the resources too; repeatable. Without it, only this user may take them.</source>
        <translation>USER (ein Name oder eine UID) darf die Ressourcen ebenfalls übernehmen; wiederholbar. Ohne diese Option darf nur dieser Benutzer sie übernehmen.</translation>
    </message>
    <message>
        <source>Let the members of GROUP (a name or a gid) take the resources too; repeatable.</source>
        <translation>Die Mitglieder von GROUP (ein Name oder eine GID) dürfen die Ressourcen ebenfalls übernehmen; wiederholbar.</translation>
    </message>
</context>
<context>
    <name>qrs_supervise</name>
    <message>
        <source>How many workers to run (default 1).</source>
        <translation>Wie viele Worker laufen (Vorgabe: 1).</translation>
    </message>
    <message>
        <source>A supervisor plugin to load (a path, or a name in the plugin path). Repeatable. Default: every plugin in a qrs-supervisor plugin directory.</source>
        <translation>Ein zu ladendes Supervisor-Plugin (ein Pfad oder ein Name im Plugin-Pfad). Wiederholbar. Vorgabe: jedes Plugin in einem Plugin-Verzeichnis qrs-supervisor.</translation>
    </message>
    <message>
        <source>How long a stopped worker may take to exit before SIGKILL (default 5000).</source>
        <translation>Wie lange ein angehaltener Worker bis zum Beenden brauchen darf, bevor SIGKILL folgt (Vorgabe: 5000).</translation>
    </message>
    <message>
        <source>How long a new worker may take to become ready before it is killed (default 10000).</source>
        <translation>Wie lange ein neuer Worker brauchen darf, um bereit zu werden, bevor er abgebrochen wird (Vorgabe: 10000).</translation>
    </message>
    <message>
        <source>Then PROGRAM and its arguments.</source>
        <translation>Dann PROGRAMM und seine Argumente.</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot; before &quot;--&quot;</source>
        <translation>unerwartetes Argument „%1“ vor „--“</translation>
    </message>
    <message>
        <source>--workers takes a number from 1 to %1, not &quot;%2&quot;</source>
        <translation>--workers erwartet eine Zahl von 1 bis %1, nicht „%2“</translation>
    </message>
    <message>
        <source>no PROGRAM: usage: qrs-supervise [OPTIONS] -- PROGRAM [ARGS...]</source>
        <translation>kein PROGRAMM: Aufruf: qrs-supervise [OPTIONEN] -- PROGRAMM [ARGUMENTE...]</translation>
    </message>
    <message>
        <source>--listen %1: the name &quot;%2&quot; is used twice</source>
        <translation>--listen %1: der Name „%2“ wird zweimal verwendet</translation>
    </message>
    <message>
        <source>no supervisor plugin found to hand the sockets over (looked in %1); pass --plugin PATH</source>
        <translation>kein Supervisor-Plugin gefunden, das die Sockets übergibt (gesucht in %1); --plugin PFAD angeben</translation>
    </message>
    <message>
        <source>supervising %1 workers of %2 (pid %3)</source>
        <translation>überwache %1 Worker von %2 (PID %3)</translation>
    </message>
    <message>
        <source>Also open the live view of this supervisor&apos;s resource sharer in a window (qrs-inspect --gui).</source>
        <translation>Zusätzlich die Live-Ansicht des Ressourcen-Sharers dieses Supervisors in einem Fenster öffnen (qrs-inspect --gui).</translation>
    </message>
    <message>
        <source>cannot open the panel: %1</source>
        <translation>die Ansicht kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>When a new worker counts as ready (a rolling restart stops the worker it replaces only then): taken (it has taken its sockets; the default), notify (taken, and it sent READY=1 to its NOTIFY_SOCKET, as systemd&apos;s Type=notify), or fd:N (taken, and it wrote a newline to descriptor N, as s6&apos;s notification-fd). Use notify for servers that load for a while after taking their sockets and speak sd_notify (gunicorn, ServiceNotifier).</source>
        <translation>Wann ein neuer Worker als bereit gilt (erst dann hält ein rollierender Neustart den ersetzten Worker an): taken (er hat seine Sockets übernommen; die Vorgabe), notify (übernommen, und er hat READY=1 an seinen NOTIFY_SOCKET gesendet, wie Type=notify bei systemd) oder fd:N (übernommen, und er hat einen Zeilenumbruch auf Deskriptor N geschrieben, wie notification-fd bei s6). Verwenden Sie notify für Server, die nach der Übernahme ihrer Sockets eine Weile laden und sd_notify sprechen (gunicorn, ServiceNotifier).</translation>
    </message>
    <message>
        <source>Give each worker WATCHDOG_USEC and kill and restart a worker that sends no WATCHDOG=1 for MS milliseconds (systemd&apos;s WatchdogSec=).</source>
        <translation>Jedem Worker WATCHDOG_USEC geben und einen Worker, der MS Millisekunden lang kein WATCHDOG=1 sendet, abbrechen und neu starten (WatchdogSec= bei systemd).</translation>
    </message>
    <message>
        <source>%1 needs a plugin that provides it (the notify plugin), and none of those loaded does</source>
        <translation>%1 braucht ein Plugin, das es bereitstellt (das notify-Plugin), und keines der geladenen tut es</translation>
    </message>
    <message>
        <source>Keep each socket it binds in its service manager&apos;s descriptor store (FDSTORE=1), so that a restart or a crash of qrs-supervise refuses no connection: the next start takes them back by name. On by default when $FDSTORE is set (systemd 254 and later, with FileDescriptorStoreMax=).</source>
        <translation>Jeden selbst gebundenen Socket im Deskriptorspeicher des Dienstverwalters aufbewahren (FDSTORE=1), damit ein Neustart oder Absturz von qrs-supervise keine Verbindung abweist: der nächste Start übernimmt sie beim Namen. Standardmäßig an, wenn $FDSTORE gesetzt ist (systemd 254 und neuer, mit FileDescriptorStoreMax=).</translation>
    </message>
    <message>
        <source>an upgrade is under way; the rolling restart is refused</source>
        <translation>eine Aktualisierung läuft; der rollierende Neustart wird abgelehnt</translation>
    </message>
    <message>
        <source>upgraded: pid %1 took over from pid %2</source>
        <translation>aktualisiert: PID %1 hat von PID %2 übernommen</translation>
    </message>
    <message>
        <source>A socket to bind and hand to every worker: [NAME=]tcp:HOST:PORT, [NAME=]unix:PATH, or NAME=inherit (the one its service manager passed under that name in LISTEN_FDS; a passed socket of the same name is always taken instead of binding). NAME defaults to listenI. Repeatable.</source>
        <translation>Ein Socket, der gebunden und jedem Worker übergeben wird: [NAME=]tcp:HOST:PORT, [NAME=]unix:PFAD oder NAME=inherit (der, den der Dienstverwalter unter diesem Namen in LISTEN_FDS übergeben hat; ein übergebener Socket gleichen Namens wird immer statt einer neuen Bindung genommen). NAME ist standardmäßig listenI. Wiederholbar.</translation>
    </message>
    <message>
        <source>the upgrade</source>
        <translation>die Aktualisierung</translation>
    </message>
    <message>
        <source>the rolling restart</source>
        <translation>der rollierende Neustart</translation>
    </message>
    <message>
        <source>the restart of worker %1</source>
        <translation>der Neustart von Worker %1</translation>
    </message>
    <message>
        <source>the scaling to %1 workers</source>
        <translation>die Skalierung auf %1 Worker</translation>
    </message>
    <message>
        <source>the stop</source>
        <translation>das Anhalten</translation>
    </message>
    <message>
        <source>the command &quot;%1&quot;</source>
        <translation>der Befehl „%1“</translation>
    </message>
    <message>
        <source>restarted: %1 of %2 workers replaced</source>
        <translation>neu gestartet: %1 von %2 Workern ersetzt</translation>
    </message>
    <message>
        <source>restarted worker %1</source>
        <translation>Worker %1 neu gestartet</translation>
    </message>
    <message>
        <source>scaled: %1 workers ready</source>
        <translation>skaliert: %1 Worker bereit</translation>
    </message>
    <message>
        <source>stopped: pid %1 stopped its workers and exits</source>
        <translation>angehalten: PID %1 hat seine Worker angehalten und beendet sich</translation>
    </message>
    <message>
        <source>cannot reach the supervisor with pid %1: %2</source>
        <translation>der Supervisor mit PID %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>%1 of pid %2 was refused: %3</source>
        <translation>%1 von PID %2 wurde abgelehnt: %3</translation>
    </message>
    <message>
        <source>%1 of pid %2 failed: %3</source>
        <translation>%1 von PID %2 ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>--surge takes a number of workers from 1 to %1 or a percentage from 1% to 100%, not &quot;%2&quot;</source>
        <translation>--surge erwartet eine Anzahl von Workern von 1 bis %1 oder einen Prozentsatz von 1% bis 100%, nicht „%2“</translation>
    </message>
    <message>
        <source>Runs N workers of PROGRAM and hands each of them the listening sockets, restarts crashed workers, replaces them --surge at a time on SIGHUP without refusing a connection, adds one on SIGTTIN and removes one on SIGTTOU, stops them on SIGTERM, and upgrades itself in place on SIGUSR2. --status, --restart, --scale, --upgrade and --stop speak to a running one and wait for the outcome.</source>
        <translation>Lässt N Worker von PROGRAM laufen und übergibt jedem die lauschenden Sockets, startet abgestürzte Worker neu, ersetzt sie bei SIGHUP zu --surge gleichzeitig, ohne eine Verbindung abzuweisen, fügt bei SIGTTIN einen hinzu und entfernt bei SIGTTOU einen, hält sie bei SIGTERM an und aktualisiert sich bei SIGUSR2 im laufenden Betrieb. --status, --restart, --scale, --upgrade und --stop sprechen mit einem laufenden und warten auf das Ergebnis.</translation>
    </message>
    <message>
        <source>How many replacements a rolling restart starts at once: a number, or a percentage of the workers (rounded up). Each old worker stops only once its own replacement is ready. Default 1.</source>
        <translation>Wie viele Ersatz-Worker ein rollierender Neustart gleichzeitig startet: eine Zahl, oder ein Prozentsatz der Worker (aufgerundet). Jeder alte Worker hält erst an, wenn sein eigener Ersatz bereit ist. Vorgabe 1.</translation>
    </message>
    <message>
        <source>Do not supervise: ask the qrs-supervise with process id PID to upgrade itself in place, wait for the outcome and say it; exit 0 if its successor took over, 1 if not.</source>
        <translation>Nicht überwachen: das qrs-supervise mit der Prozesskennung PID bitten, sich im laufenden Betrieb zu aktualisieren, auf das Ergebnis warten und es mitteilen; Exit 0, wenn sein Nachfolger übernommen hat, sonst 1.</translation>
    </message>
    <message>
        <source>Do not supervise: print the workers of the qrs-supervise with process id PID (a table, or its JSON with --json).</source>
        <translation>Nicht überwachen: die Worker des qrs-supervise mit der Prozesskennung PID ausgeben (als Tabelle, oder mit --json als JSON).</translation>
    </message>
    <message>
        <source>Do not supervise: ask the qrs-supervise PID for a rolling restart (or, with --slot, to replace one worker), wait for its end; exit 0 if every worker was replaced, 1 with the reason if not.</source>
        <translation>Nicht überwachen: das qrs-supervise PID um einen rollierenden Neustart bitten (oder, mit --slot, um den Ersatz eines Workers), auf sein Ende warten; Exit 0, wenn jeder Worker ersetzt wurde, sonst 1 mit dem Grund.</translation>
    </message>
    <message>
        <source>With --restart: replace only the worker of slot N.</source>
        <translation>Mit --restart: nur den Worker auf Platz N ersetzen.</translation>
    </message>
    <message>
        <source>Do not supervise: ask the qrs-supervise PID to run N workers (the number follows PID), wait until N are ready (or the removed ones stopped); exit 0, or 1 with the reason.</source>
        <translation>Nicht überwachen: das qrs-supervise PID bitten, N Worker laufen zu lassen (die Zahl folgt auf PID), warten, bis N bereit sind (oder die entfernten angehalten); Exit 0, oder 1 mit dem Grund.</translation>
    </message>
    <message>
        <source>Do not supervise: ask the qrs-supervise PID to stop its workers and exit, and wait until they have stopped.</source>
        <translation>Nicht überwachen: das qrs-supervise PID bitten, seine Worker anzuhalten und sich zu beenden, und warten, bis sie angehalten sind.</translation>
    </message>
    <message>
        <source>With --status, --restart, --scale, --upgrade or --stop: print the supervisor&apos;s reply as JSON.</source>
        <translation>Mit --status, --restart, --scale, --upgrade oder --stop: die Antwort des Supervisors als JSON ausgeben.</translation>
    </message>
    <message>
        <source>Run every worker as USER (a name or a uid), with its primary group or GROUP, and its supplementary groups from the group database. The supervisor keeps its own privileges (it binds the sockets as root). Each worker can take only the sockets handed to it.</source>
        <translation>Jeden Worker als USER (ein Name oder eine UID) laufen lassen, mit seiner primären Gruppe oder GROUP und seinen zusätzlichen Gruppen aus der Gruppendatenbank. Der Supervisor behält seine eigenen Rechte (er bindet die Sockets als root). Jeder Worker kann nur die ihm übergebenen Sockets übernehmen.</translation>
    </message>
    <message>
        <source>--%1 and --%2 cannot be given together</source>
        <translation>--%1 und --%2 können nicht zusammen angegeben werden</translation>
    </message>
    <message>
        <source>--%1 takes a process id, not &quot;%2&quot;</source>
        <translation>--%1 erwartet eine Prozesskennung, nicht „%2“</translation>
    </message>
    <message>
        <source>--scale PID N: N is a number of workers from 1 to %1</source>
        <translation>--scale PID N: N ist eine Anzahl von Workern von 1 bis %1</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>unerwartetes Argument „%1“</translation>
    </message>
    <message>
        <source>--slot takes a worker slot (0 or more) and goes with --restart</source>
        <translation>--slot erwartet einen Worker-Platz (0 oder mehr) und gehört zu --restart</translation>
    </message>
    <message>
        <source>%1 ignored: %2 workers is as far as it goes</source>
        <translation>%1 ignoriert: %2 Worker ist die Grenze</translation>
    </message>
    <message>
        <source>--ready takes taken, notify or fd:N, not &quot;%1&quot; (%2)</source>
        <translation>--ready erwartet taken, notify oder fd:N, nicht „%1“ (%2)</translation>
    </message>
</context>
<context>
    <name>qrs_tools_status</name>
    <message>
        <source>supervisor %1: %2 of %3 workers ready, surge %4%5</source>
        <translation>Supervisor %1: %2 von %3 Workern bereit, Surge %4%5</translation>
    </message>
    <message>
        <source>; stopping</source>
        <translation>; hält an</translation>
    </message>
    <message>
        <source>; upgrading in place (successor pid %1)</source>
        <translation>; Aktualisierung im laufenden Betrieb (Nachfolger PID %1)</translation>
    </message>
    <message>
        <source>; %1 under way</source>
        <translation>; %1 läuft</translation>
    </message>
    <message>
        <source>; a rolling restart is under way</source>
        <translation>; ein rollierender Neustart läuft</translation>
    </message>
    <message>
        <source>SLOT</source>
        <translation>PLATZ</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>UID</source>
        <translation>UID</translation>
    </message>
    <message>
        <source>GENERATION</source>
        <translation>GENERATION</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>ROLLE</translation>
    </message>
    <message>
        <source>READY</source>
        <translation>BEREIT</translation>
    </message>
    <message>
        <source>UP</source>
        <translation>LÄUFT SEIT</translation>
    </message>
    <message>
        <source>RESTARTS</source>
        <translation>NEUSTARTS</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>yes, %1</source>
        <translation>ja, %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
</TS>
