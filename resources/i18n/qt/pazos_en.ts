<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="es">
  <context>
    <name>AgendaTab</name>
    <message>
      <source>Agregar punto</source>
      <translation>Add item</translation>
    </message>
    <message>
      <source>Bajar</source>
      <translation>Move down</translation>
    </message>
    <message>
      <source>Desarrollo del punto</source>
      <translation>Discussion of the item</translation>
    </message>
    <message>
      <source>Nuevo punto</source>
      <translation>New item</translation>
    </message>
    <message>
      <source>Orden del día</source>
      <translation>Agenda</translation>
    </message>
    <message>
      <source>Quitar</source>
      <translation>Remove</translation>
    </message>
    <message>
      <source>Subir</source>
      <translation>Move up</translation>
    </message>
    <message>
      <source>Título del punto</source>
      <translation>Item title</translation>
    </message>
  </context>
  <context>
    <name>AgreedTab</name>
    <message>
      <source>Actividad</source>
      <translation>Activity</translation>
    </message>
    <message>
      <source>Agregar compromiso</source>
      <translation>Add commitment</translation>
    </message>
    <message>
      <source>Clúster</source>
      <translation>Cluster</translation>
    </message>
    <message>
      <source>Componente</source>
      <translation>Component</translation>
    </message>
    <message>
      <source>Compromisos acordados</source>
      <translation>Agreed commitments</translation>
    </message>
    <message>
      <source>Entidad responsable</source>
      <translation>Responsible partner</translation>
    </message>
    <message>
      <source>Fecha límite</source>
      <translation>Due date</translation>
    </message>
    <message>
      <source>Guarde la reunión para agregar compromisos.</source>
      <translation>Save the meeting to add commitments.</translation>
    </message>
    <message>
      <source>Responsable</source>
      <translation>Responsible</translation>
    </message>
  </context>
  <context>
    <name>AttendanceTab</name>
    <message>
      <source>Agregar contacto</source>
      <translation>Add contact</translation>
    </message>
    <message>
      <source>Agregar invitado</source>
      <translation>Add guest</translation>
    </message>
    <message>
      <source>Asistencia</source>
      <translation>Attendance</translation>
    </message>
    <message>
      <source>Asistentes</source>
      <translation>Attendees</translation>
    </message>
    <message>
      <source>Cargo</source>
      <translation>Position</translation>
    </message>
    <message>
      <source>Contacto a agregar</source>
      <translation>Contact to add</translation>
    </message>
    <message>
      <source>Entidad</source>
      <translation>Partner</translation>
    </message>
    <message>
      <source>Invitado</source>
      <translation>Guest</translation>
    </message>
    <message>
      <source>Nombre</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Quitar</source>
      <translation>Remove</translation>
    </message>
  </context>
  <context>
    <name>ClusterEditor</name>
    <message>
      <source>&amp;Descripción:</source>
      <translation>&amp;Description:</translation>
    </message>
    <message>
      <source>&amp;Nombre:</source>
      <translation>&amp;Name:</translation>
    </message>
    <message>
      <source>Editar clúster</source>
      <translation>Edit cluster</translation>
    </message>
    <message>
      <source>Nuevo clúster</source>
      <translation>New cluster</translation>
    </message>
  </context>
  <context>
    <name>ClusterPicker</name>
    <message>
      <source>Clústeres</source>
      <translation>Clusters</translation>
    </message>
    <message>
      <source>Todos los clústeres</source>
      <translation>All clusters</translation>
    </message>
  </context>
  <context>
    <name>CommitmentDetail</name>
    <message>
      <source>Acción</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>Antes</source>
      <translation>Before</translation>
    </message>
    <message>
      <source>Avances</source>
      <translation>Progress</translation>
    </message>
    <message>
      <source>Añadir avance…</source>
      <translation>Add progress update…</translation>
    </message>
    <message>
      <source>Campo</source>
      <translation>Field</translation>
    </message>
    <message>
      <source>Comentario</source>
      <translation>Comment</translation>
    </message>
    <message>
      <source>Cuándo</source>
      <translation>When</translation>
    </message>
    <message>
      <source>Después</source>
      <translation>After</translation>
    </message>
    <message>
      <source>Editar…</source>
      <translation>Edit…</translation>
    </message>
    <message>
      <source>Elija un compromiso para ver su detalle.</source>
      <translation>Choose a commitment to see its details.</translation>
    </message>
    <message>
      <source>Estado</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Estado: {s}</source>
      <translation>Status: {s}</translation>
    </message>
    <message>
      <source>Fecha</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Fecha límite: {d}</source>
      <translation>Due date: {d}</translation>
    </message>
    <message>
      <source>Historial</source>
      <translation>History</translation>
    </message>
    <message>
      <source>Logrado</source>
      <translation>Achieved</translation>
    </message>
    <message>
      <source>Origen</source>
      <translation>Source</translation>
    </message>
    <message>
      <source>Programa: {p}</source>
      <translation>Program: {p}</translation>
    </message>
    <message>
      <source>Quién</source>
      <translation>Who</translation>
    </message>
    <message>
      <source>Valor: {v}</source>
      <translation>Amount: {v}</translation>
    </message>
  </context>
  <context>
    <name>CommitmentEditor</name>
    <message>
      <source>&amp;Descripción:</source>
      <translation>&amp;Description:</translation>
    </message>
    <message>
      <source>&amp;Entidad responsable:</source>
      <translation>&amp;Responsible partner:</translation>
    </message>
    <message>
      <source>&amp;Fecha límite:</source>
      <translation>&amp;Due date:</translation>
    </message>
    <message>
      <source>&amp;Logrado:</source>
      <translation>&amp;Achieved:</translation>
    </message>
    <message>
      <source>&amp;Notas:</source>
      <translation>&amp;Notes:</translation>
    </message>
    <message>
      <source>&amp;Unidad:</source>
      <translation>&amp;Unit:</translation>
    </message>
    <message>
      <source>&amp;Valor (COP):</source>
      <translation>&amp;Amount (COP):</translation>
    </message>
    <message>
      <source>(elija)</source>
      <translation>(choose)</translation>
    </message>
    <message>
      <source>(ninguno)</source>
      <translation>(none)</translation>
    </message>
    <message>
      <source>C&amp;omponente:</source>
      <translation>C&amp;omponent:</translation>
    </message>
    <message>
      <source>Clúst&amp;eres:</source>
      <translation>Clust&amp;ers:</translation>
    </message>
    <message>
      <source>Co&amp;mpromiso:</source>
      <translation>Co&amp;mmitment:</translation>
    </message>
    <message>
      <source>Editar compromiso</source>
      <translation>Edit commitment</translation>
    </message>
    <message>
      <source>Es&amp;tado:</source>
      <translation>S&amp;tatus:</translation>
    </message>
    <message>
      <source>Fecha de &amp;inicio:</source>
      <translation>&amp;Start date:</translation>
    </message>
    <message>
      <source>Me&amp;ta:</source>
      <translation>&amp;Target:</translation>
    </message>
    <message>
      <source>Nuevo compromiso</source>
      <translation>New commitment</translation>
    </message>
    <message>
      <source>P&amp;rograma:</source>
      <translation>P&amp;rogram:</translation>
    </message>
    <message>
      <source>Res&amp;ponsable:</source>
      <translation>Res&amp;ponsible person:</translation>
    </message>
  </context>
  <context>
    <name>CommitmentTableModel</name>
    <message>
      <source>Clústeres</source>
      <translation>Clusters</translation>
    </message>
    <message>
      <source>Componente</source>
      <translation>Component</translation>
    </message>
    <message>
      <source>Compromiso</source>
      <translation>Commitment</translation>
    </message>
    <message>
      <source>Entidad</source>
      <translation>Partner</translation>
    </message>
    <message>
      <source>Estado</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Fecha límite</source>
      <translation>Due date</translation>
    </message>
    <message>
      <source>Logrado</source>
      <translation>Achieved</translation>
    </message>
    <message>
      <source>Meta</source>
      <translation>Target</translation>
    </message>
  </context>
  <context>
    <name>CommitmentsView</name>
    <message>
      <source>Buscar compromisos</source>
      <translation>Search commitments</translation>
    </message>
    <message>
      <source>Buscar por texto o entidad (Ctrl+F)</source>
      <translation>Search by text or partner (Ctrl+F)</translation>
    </message>
    <message>
      <source>Clúster</source>
      <translation>Cluster</translation>
    </message>
    <message>
      <source>Componente</source>
      <translation>Component</translation>
    </message>
    <message>
      <source>Compromisos</source>
      <translation>Commitments</translation>
    </message>
    <message>
      <source>Ctrl+N</source>
      <translation>Ctrl+N</translation>
    </message>
    <message>
      <source>Entidad</source>
      <translation>Partner</translation>
    </message>
    <message>
      <source>Estado</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Nuevo compromiso</source>
      <translation>New commitment</translation>
    </message>
    <message>
      <source>Programa</source>
      <translation>Program</translation>
    </message>
    <message>
      <source>Quitar filtros</source>
      <translation>Clear filters</translation>
    </message>
    <message>
      <source>Todas las entidades</source>
      <translation>All partners</translation>
    </message>
    <message>
      <source>Todos los clústeres</source>
      <translation>All clusters</translation>
    </message>
    <message>
      <source>Todos los componentes</source>
      <translation>All components</translation>
    </message>
    <message>
      <source>Todos los estados</source>
      <translation>All statuses</translation>
    </message>
    <message>
      <source>Todos los programas</source>
      <translation>All programs</translation>
    </message>
    <message>
      <source>Vence desde</source>
      <translation>Due from</translation>
    </message>
    <message>
      <source>Vence entre</source>
      <translation>Due between</translation>
    </message>
    <message>
      <source>Vence hasta</source>
      <translation>Due until</translation>
    </message>
    <message>
      <source>y</source>
      <translation>and</translation>
    </message>
    <message>
      <source>{n} compromisos</source>
      <translation>{n} commitments</translation>
    </message>
  </context>
  <context>
    <name>ComponentEditor</name>
    <message>
      <source>Descripción (español):</source>
      <translation>Description (Spanish):</translation>
    </message>
    <message>
      <source>Descripción (inglés):</source>
      <translation>Description (English):</translation>
    </message>
    <message>
      <source>Editar componente</source>
      <translation>Edit component</translation>
    </message>
    <message>
      <source>Nombre en &amp;español:</source>
      <translation>Name in &amp;Spanish:</translation>
    </message>
    <message>
      <source>Nombre en &amp;inglés:</source>
      <translation>Name in &amp;English:</translation>
    </message>
  </context>
  <context>
    <name>ContactEditor</name>
    <message>
      <source>&amp;Cargo:</source>
      <translation>&amp;Position:</translation>
    </message>
    <message>
      <source>&amp;Nombre:</source>
      <translation>&amp;Name:</translation>
    </message>
    <message>
      <source>&amp;Teléfono:</source>
      <translation>&amp;Phone:</translation>
    </message>
    <message>
      <source>C&amp;orreo electrónico:</source>
      <translation>&amp;E-mail:</translation>
    </message>
    <message>
      <source>Editar contacto</source>
      <translation>Edit contact</translation>
    </message>
    <message>
      <source>Nuevo contacto</source>
      <translation>New contact</translation>
    </message>
  </context>
  <context>
    <name>DashboardView</name>
    <message>
      <source>&lt;b&gt;Clúster × componente&lt;/b&gt; (compromisos · % cumplido; clic para ver)</source>
      <translation>&lt;b&gt;Cluster × component&lt;/b&gt; (commitments · % completed; click to see them)</translation>
    </message>
    <message>
      <source>Compromiso</source>
      <translation>Commitment</translation>
    </message>
    <message>
      <source>Compromisos en total</source>
      <translation>Commitments in all</translation>
    </message>
    <message>
      <source>Compromisos por entidad</source>
      <translation>Commitments by partner</translation>
    </message>
    <message>
      <source>Cumplimiento</source>
      <translation>Completion</translation>
    </message>
    <message>
      <source>Días de retraso</source>
      <translation>Days late</translation>
    </message>
    <message>
      <source>Entidad</source>
      <translation>Partner</translation>
    </message>
    <message>
      <source>Estado</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Fecha límite</source>
      <translation>Due date</translation>
    </message>
    <message>
      <source>Matriz clúster por componente</source>
      <translation>Cluster by component matrix</translation>
    </message>
    <message>
      <source>Valor comprometido</source>
      <translation>Amount committed</translation>
    </message>
    <message>
      <source>Vencen en los próximos 30 días</source>
      <translation>Due in the next 30 days</translation>
    </message>
    <message>
      <source>Vencidos</source>
      <translation>Overdue</translation>
    </message>
  </context>
  <context>
    <name>DecisionsTab</name>
    <message>
      <source>Agregar decisión</source>
      <translation>Add decision</translation>
    </message>
    <message>
      <source>Decisiones</source>
      <translation>Decisions</translation>
    </message>
    <message>
      <source>Quitar</source>
      <translation>Remove</translation>
    </message>
  </context>
  <context>
    <name>EditorDialog</name>
    <message>
      <source>Cancelar</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Descartar cambios</source>
      <translation>Discard changes</translation>
    </message>
    <message>
      <source>Guardar</source>
      <translation>Save</translation>
    </message>
    <message>
      <source>Hay cambios sin guardar. ¿Desea descartarlos?</source>
      <translation>There are unsaved changes. Discard them?</translation>
    </message>
    <message>
      <source>{label}: escriba la fecha como dd/mm/aaaa.</source>
      <translation>{label}: type the date as dd/mm/yyyy.</translation>
    </message>
  </context>
  <context>
    <name>Editors</name>
    <message>
      <source>Avance</source>
      <translation>Progress update</translation>
    </message>
    <message>
      <source>Barrio</source>
      <translation>Neighbourhood</translation>
    </message>
    <message>
      <source>Bienvenida</source>
      <translation>Welcome</translation>
    </message>
    <message>
      <source>Clúster</source>
      <translation>Cluster</translation>
    </message>
    <message>
      <source>Componente</source>
      <translation>Component</translation>
    </message>
    <message>
      <source>Compromiso</source>
      <translation>Commitment</translation>
    </message>
    <message>
      <source>Contacto</source>
      <translation>Contact</translation>
    </message>
    <message>
      <source>Ejemplo de mensaje de error: no se guardó nada.</source>
      <translation>Sample error message: nothing was saved.</translation>
    </message>
    <message>
      <source>Entidad</source>
      <translation>Partner</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>Error</translation>
    </message>
    <message>
      <source>Exportar hojas de compromisos</source>
      <translation>Export commitment sheets</translation>
    </message>
    <message>
      <source>Importar hojas devueltas</source>
      <translation>Import returned sheets</translation>
    </message>
    <message>
      <source>Problema al abrir la base</source>
      <translation>Problem opening the database</translation>
    </message>
    <message>
      <source>Programa</source>
      <translation>Program</translation>
    </message>
    <message>
      <source>Reunión y acta</source>
      <translation>Meeting and minutes</translation>
    </message>
    <message>
      <source>Vista previa de una importación</source>
      <translation>Import preview</translation>
    </message>
  </context>
  <context>
    <name>ErrorDialog</name>
    <message>
      <source>(no disponible)</source>
      <translation>(not available)</translation>
    </message>
    <message>
      <source>Copiar detalles</source>
      <translation>Copy details</translation>
    </message>
    <message>
      <source>PAZOS Coordinación: error</source>
      <translation>PAZOS Coordinación: error</translation>
    </message>
    <message>
      <source>Registro de errores: {path}</source>
      <translation>Error log: {path}</translation>
    </message>
  </context>
  <context>
    <name>Errors</name>
    <message>
      <source>Ocurrió un error inesperado. No se guardó nada de la última acción.</source>
      <translation>An unexpected error occurred. Nothing of the last action was saved.</translation>
    </message>
  </context>
  <context>
    <name>ExcelActions</name>
    <message>
      <source>Abrir carpeta</source>
      <translation>Open folder</translation>
    </message>
    <message>
      <source>Archivo de carga masiva</source>
      <translation>Bulk import file</translation>
    </message>
    <message>
      <source>Exportación cancelada: no se guardó el libro.</source>
      <translation>Export cancelled: the workbook was not saved.</translation>
    </message>
    <message>
      <source>Exportación cancelada: no se guardó ninguna hoja.</source>
      <translation>Export cancelled: no sheet was saved.</translation>
    </message>
    <message>
      <source>Exportando el libro completo</source>
      <translation>Exporting the full workbook</translation>
    </message>
    <message>
      <source>Exportando hojas de compromisos</source>
      <translation>Exporting commitment sheets</translation>
    </message>
    <message>
      <source>Guardar el libro completo</source>
      <translation>Save the full workbook</translation>
    </message>
    <message>
      <source>Guardar la plantilla de carga masiva</source>
      <translation>Save the bulk import template</translation>
    </message>
    <message>
      <source>Hojas de compromisos</source>
      <translation>Commitment sheets</translation>
    </message>
    <message>
      <source>Hojas de compromisos devueltas</source>
      <translation>Returned commitment sheets</translation>
    </message>
    <message>
      <source>Importación aplicada: {created} creados, {updated} actualizados, {progress} avances; {skipped} conflictos omitidos.</source>
      <translation>Import applied: {created} created, {updated} updated, {progress} progress updates; {skipped} conflicts skipped.</translation>
    </message>
    <message>
      <source>Importación cancelada: no se cambió nada.</source>
      <translation>Import cancelled: nothing was changed.</translation>
    </message>
    <message>
      <source>Importar carga masiva</source>
      <translation>Bulk import</translation>
    </message>
    <message>
      <source>Importar hojas devueltas</source>
      <translation>Import returned sheets</translation>
    </message>
    <message>
      <source>Leyendo el registro…</source>
      <translation>Reading the register…</translation>
    </message>
    <message>
      <source>Leyendo los compromisos…</source>
      <translation>Reading the commitments…</translation>
    </message>
    <message>
      <source>Leyendo {files}</source>
      <translation>Reading {files}</translation>
    </message>
    <message>
      <source>Libro completo</source>
      <translation>Full workbook</translation>
    </message>
    <message>
      <source>Libro guardado: {path}</source>
      <translation>Workbook saved: {path}</translation>
    </message>
    <message>
      <source>Los archivos o la base de datos cambiaron desde la vista previa; no se aplicó nada. Vuelva a importar.</source>
      <translation>The files or the database changed since the preview; nothing was applied. Import again.</translation>
    </message>
    <message>
      <source>No hay entidades con compromisos.</source>
      <translation>No partner has commitments.</translation>
    </message>
    <message>
      <source>Plantilla de carga masiva</source>
      <translation>Bulk import template</translation>
    </message>
    <message>
      <source>Plantilla guardada: {path}</source>
      <translation>Template saved: {path}</translation>
    </message>
    <message>
      <source>Se guardaron {n} hojas en {folder}.</source>
      <translation>Sheets saved in {folder}: {n}.</translation>
    </message>
  </context>
  <context>
    <name>ExcelMenu</name>
    <message>
      <source>&amp;Excel</source>
      <translation>&amp;Excel</translation>
    </message>
    <message>
      <source>Descargar plantilla de carga masiva…</source>
      <translation>Download bulk import template…</translation>
    </message>
    <message>
      <source>Exportar hojas de compromisos…</source>
      <translation>Export commitment sheets…</translation>
    </message>
    <message>
      <source>Exportar libro completo…</source>
      <translation>Export full workbook…</translation>
    </message>
    <message>
      <source>Importar carga masiva…</source>
      <translation>Bulk import…</translation>
    </message>
    <message>
      <source>Importar hojas devueltas…</source>
      <translation>Import returned sheets…</translation>
    </message>
    <message>
      <source>Incluir etiquetas HXL en el libro</source>
      <translation>Include HXL tags in the workbook</translation>
    </message>
    <message>
      <source>Una fila de etiquetas #HXL bajo cada encabezado, para otras herramientas.</source>
      <translation>A row of #HXL tags under each header, for other tools.</translation>
    </message>
  </context>
  <context>
    <name>ExcelPartnerDialog</name>
    <message>
      <source>Cancelar</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Carpeta de destino</source>
      <translation>Destination folder</translation>
    </message>
    <message>
      <source>Carpeta para las hojas</source>
      <translation>Folder for the sheets</translation>
    </message>
    <message>
      <source>Carpeta:</source>
      <translation>Folder:</translation>
    </message>
    <message>
      <source>Elegir…</source>
      <translation>Choose…</translation>
    </message>
    <message>
      <source>Entidades</source>
      <translation>Partners</translation>
    </message>
    <message>
      <source>Exportar</source>
      <translation>Export</translation>
    </message>
    <message>
      <source>Exportar hojas de compromisos</source>
      <translation>Export commitment sheets</translation>
    </message>
    <message>
      <source>Ninguna</source>
      <translation>None</translation>
    </message>
    <message>
      <source>Se guarda un archivo de Excel por entidad con sus compromisos, para que reporte sus avances y lo devuelva.</source>
      <translation>One Excel file is saved per partner with its commitments, for it to report progress and send back.</translation>
    </message>
    <message>
      <source>Todas</source>
      <translation>All</translation>
    </message>
    <message>
      <source>{name} ({n} compromisos)</source>
      <translation>{name} ({n} commitments)</translation>
    </message>
    <message>
      <source>{n} de {total} entidades</source>
      <translation>{n} of {total} partners</translation>
    </message>
  </context>
  <context>
    <name>ExcelPreview</name>
    <message>
      <source>Acción</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>Aceptar</source>
      <translation>Accept</translation>
    </message>
    <message>
      <source>Actualiza</source>
      <translation>Update</translation>
    </message>
    <message>
      <source>Antes</source>
      <translation>Before</translation>
    </message>
    <message>
      <source>Archivo</source>
      <translation>File</translation>
    </message>
    <message>
      <source>Avance</source>
      <translation>Progress</translation>
    </message>
    <message>
      <source>Cambios</source>
      <translation>Changes</translation>
    </message>
    <message>
      <source>Campo</source>
      <translation>Field</translation>
    </message>
    <message>
      <source>Columna</source>
      <translation>Column</translation>
    </message>
    <message>
      <source>Después</source>
      <translation>After</translation>
    </message>
    <message>
      <source>Fila</source>
      <translation>Row</translation>
    </message>
    <message>
      <source>Hoja</source>
      <translation>Sheet</translation>
    </message>
    <message>
      <source>Motivo</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>Nuevo</source>
      <translation>New</translation>
    </message>
    <message>
      <source>Problema</source>
      <translation>Problem</translation>
    </message>
    <message>
      <source>Registro</source>
      <translation>Record</translation>
    </message>
  </context>
  <context>
    <name>ExcelPreviewDialog</name>
    <message>
      <source>Aceptar todos</source>
      <translation>Accept all</translation>
    </message>
    <message>
      <source>Aplicar</source>
      <translation>Apply</translation>
    </message>
    <message>
      <source>Archivos: {names}</source>
      <translation>Files: {names}</translation>
    </message>
    <message>
      <source>Cambios</source>
      <translation>Changes</translation>
    </message>
    <message>
      <source>Cambios ({n})</source>
      <translation>Changes ({n})</translation>
    </message>
    <message>
      <source>Cambios por aplicar: {n}, todos juntos o ninguno.</source>
      <translation>Changes to apply: {n}, all together or none.</translation>
    </message>
    <message>
      <source>Cambios: {changes} · Conflictos: {conflicts} · Problemas: {problems} · Sin cambios: {same}</source>
      <translation>Changes: {changes} · Conflicts: {conflicts} · Problems: {problems} · Unchanged: {same}</translation>
    </message>
    <message>
      <source>Cancelar</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Conflictos</source>
      <translation>Conflicts</translation>
    </message>
    <message>
      <source>Conflictos ({n})</source>
      <translation>Conflicts ({n})</translation>
    </message>
    <message>
      <source>Copia cambios, conflictos y problemas como texto, para enviarlos por correo.</source>
      <translation>Copies changes, conflicts and problems as text, to send by e-mail.</translation>
    </message>
    <message>
      <source>Copiar la lista</source>
      <translation>Copy the list</translation>
    </message>
    <message>
      <source>Ninguno</source>
      <translation>None</translation>
    </message>
    <message>
      <source>No hay nada que aplicar.</source>
      <translation>There is nothing to apply.</translation>
    </message>
    <message>
      <source>Problemas</source>
      <translation>Problems</translation>
    </message>
    <message>
      <source>Problemas ({n})</source>
      <translation>Problems ({n})</translation>
    </message>
    <message>
      <source>Problemas por corregir: {n}. No se aplicará nada: corrija el archivo y vuelva a importarlo.</source>
      <translation>Problems to correct: {n}. Nothing will be applied: correct the file and import it again.</translation>
    </message>
    <message>
      <source>Un conflicto no se aplica a menos que lo marque: revise el motivo de cada uno.</source>
      <translation>A conflict is not applied unless you tick it: check the reason for each one.</translation>
    </message>
  </context>
  <context>
    <name>FollowupTab</name>
    <message>
      <source>(sin reporte)</source>
      <translation>(no report)</translation>
    </message>
    <message>
      <source>Avance</source>
      <translation>Progress</translation>
    </message>
    <message>
      <source>Comentario</source>
      <translation>Comment</translation>
    </message>
    <message>
      <source>Compromiso</source>
      <translation>Commitment</translation>
    </message>
    <message>
      <source>Estado actual</source>
      <translation>Current status</translation>
    </message>
    <message>
      <source>Estado reportado</source>
      <translation>Reported status</translation>
    </message>
    <message>
      <source>Guarde la reunión para hacer el seguimiento.</source>
      <translation>Save the meeting to follow up.</translation>
    </message>
    <message>
      <source>Los abiertos de la reunión anterior y de las entidades invitadas</source>
      <translation>Open ones from the previous meeting and from the invited partners</translation>
    </message>
    <message>
      <source>Registrar lo reportado</source>
      <translation>Record what was reported</translation>
    </message>
    <message>
      <source>Responsable</source>
      <translation>Responsible</translation>
    </message>
    <message>
      <source>Seguimiento a compromisos anteriores</source>
      <translation>Follow-up of earlier commitments</translation>
    </message>
    <message>
      <source>Traer compromisos pendientes</source>
      <translation>Bring pending commitments</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>&amp;Archivo</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <source>&amp;Salir</source>
      <translation>&amp;Quit</translation>
    </message>
    <message>
      <source>Abriendo la base de datos…</source>
      <translation>Opening the database…</translation>
    </message>
    <message>
      <source>Base de datos: {path}</source>
      <translation>Database: {path}</translation>
    </message>
    <message>
      <source>Navegación</source>
      <translation>Navigation</translation>
    </message>
    <message>
      <source>PAZOS Coordinación</source>
      <translation>PAZOS Coordinación</translation>
    </message>
  </context>
  <context>
    <name>MatrixModel</name>
    <message>
      <source>Total</source>
      <translation>Total</translation>
    </message>
    <message>
      <source>{n} compromisos, {c} cumplidos, {x} cancelados</source>
      <translation>{n} commitments, {c} completed, {x} cancelled</translation>
    </message>
  </context>
  <context>
    <name>MeetingEditor</name>
    <message>
      <source> — solo lectura; reábrala para corregirla</source>
      <translation> — read-only; reopen it to correct it</translation>
    </message>
    <message>
      <source>Aprobar acta</source>
      <translation>Approve minutes</translation>
    </message>
    <message>
      <source>Asistencia</source>
      <translation>Attendance</translation>
    </message>
    <message>
      <source>Cargo de quien preside</source>
      <translation>Chair's position</translation>
    </message>
    <message>
      <source>Cargo del secretario(a)</source>
      <translation>Secretary's position</translation>
    </message>
    <message>
      <source>Cerrar</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>Clústeres</source>
      <translation>Clusters</translation>
    </message>
    <message>
      <source>Compromisos acordados</source>
      <translation>Agreed commitments</translation>
    </message>
    <message>
      <source>Decisiones</source>
      <translation>Decisions</translation>
    </message>
    <message>
      <source>Elaboró</source>
      <translation>Prepared by</translation>
    </message>
    <message>
      <source>Enlace (si es virtual)</source>
      <translation>Link (if virtual)</translation>
    </message>
    <message>
      <source>Exportar PDF…</source>
      <translation>Export PDF…</translation>
    </message>
    <message>
      <source>Fecha</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>General</source>
      <translation>General</translation>
    </message>
    <message>
      <source>Guardar</source>
      <translation>Save</translation>
    </message>
    <message>
      <source>Hora de finalización</source>
      <translation>End time</translation>
    </message>
    <message>
      <source>Hora de inicio</source>
      <translation>Start time</translation>
    </message>
    <message>
      <source>Imprimir planilla de asistencia…</source>
      <translation>Print attendance sheet…</translation>
    </message>
    <message>
      <source>Lugar</source>
      <translation>Place</translation>
    </message>
    <message>
      <source>Motivo de la reapertura (queda en el historial):</source>
      <translation>Reason for reopening (kept in the history):</translation>
    </message>
    <message>
      <source>Nueva reunión</source>
      <translation>New meeting</translation>
    </message>
    <message>
      <source>Objetivo</source>
      <translation>Objective</translation>
    </message>
    <message>
      <source>Orden del día y desarrollo</source>
      <translation>Agenda and discussion</translation>
    </message>
    <message>
      <source>Preside</source>
      <translation>Chair</translation>
    </message>
    <message>
      <source>Próxima reunión: fecha</source>
      <translation>Next meeting: date</translation>
    </message>
    <message>
      <source>Próxima reunión: lugar</source>
      <translation>Next meeting: place</translation>
    </message>
    <message>
      <source>Reabrir acta</source>
      <translation>Reopen minutes</translation>
    </message>
    <message>
      <source>Reabrir…</source>
      <translation>Reopen…</translation>
    </message>
    <message>
      <source>Revisó</source>
      <translation>Reviewed by</translation>
    </message>
    <message>
      <source>Secretario(a)</source>
      <translation>Secretary</translation>
    </message>
    <message>
      <source>Seguimiento</source>
      <translation>Follow-up</translation>
    </message>
    <message>
      <source>Tipo de reunión</source>
      <translation>Meeting type</translation>
    </message>
    <message>
      <source>hh:mm</source>
      <translation>hh:mm</translation>
    </message>
    <message>
      <source>«{text}» no es una fecha u hora válida.</source>
      <translation>"{text}" is not a valid date or time.</translation>
    </message>
  </context>
  <context>
    <name>Meetings</name>
    <message>
      <source>Guardar acta en PDF</source>
      <translation>Save minutes as PDF</translation>
    </message>
    <message>
      <source>Guardar planilla de asistencia</source>
      <translation>Save attendance sheet</translation>
    </message>
  </context>
  <context>
    <name>MeetingsView</name>
    <message>
      <source>Abrir…</source>
      <translation>Open…</translation>
    </message>
    <message>
      <source>Acta</source>
      <translation>Minutes</translation>
    </message>
    <message>
      <source>Asistentes</source>
      <translation>Attendees</translation>
    </message>
    <message>
      <source>Año</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>Clúster</source>
      <translation>Cluster</translation>
    </message>
    <message>
      <source>Compromisos</source>
      <translation>Commitments</translation>
    </message>
    <message>
      <source>Ctrl+N</source>
      <translation>Ctrl+N</translation>
    </message>
    <message>
      <source>Entidad</source>
      <translation>Partner</translation>
    </message>
    <message>
      <source>Estado</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Exportar PDF…</source>
      <translation>Export PDF…</translation>
    </message>
    <message>
      <source>Fecha</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Imprimir planilla de asistencia…</source>
      <translation>Print attendance sheet…</translation>
    </message>
    <message>
      <source>Lugar</source>
      <translation>Place</translation>
    </message>
    <message>
      <source>Nueva reunión</source>
      <translation>New meeting</translation>
    </message>
    <message>
      <source>Reuniones y actas</source>
      <translation>Meetings and minutes</translation>
    </message>
    <message>
      <source>Tipo</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>Todos</source>
      <translation>All</translation>
    </message>
  </context>
  <context>
    <name>NeighbourhoodEditor</name>
    <message>
      <source>&amp;Comuna:</source>
      <translation>&amp;Comuna:</translation>
    </message>
    <message>
      <source>&amp;Nombre:</source>
      <translation>&amp;Name:</translation>
    </message>
    <message>
      <source>(ninguno)</source>
      <translation>(none)</translation>
    </message>
    <message>
      <source>C&amp;lúster:</source>
      <translation>C&amp;luster:</translation>
    </message>
    <message>
      <source>Editar barrio</source>
      <translation>Edit neighbourhood</translation>
    </message>
    <message>
      <source>Nuevo barrio</source>
      <translation>New neighbourhood</translation>
    </message>
  </context>
  <context>
    <name>PartnerChart</name>
    <message>
      <source>Cumplidos</source>
      <translation>Completed</translation>
    </message>
    <message>
      <source>Otros</source>
      <translation>Others</translation>
    </message>
  </context>
  <context>
    <name>PartnerEditor</name>
    <message>
      <source>&amp;Correo electrónico:</source>
      <translation>&amp;E-mail:</translation>
    </message>
    <message>
      <source>&amp;Dirección:</source>
      <translation>&amp;Address:</translation>
    </message>
    <message>
      <source>&amp;Nombre:</source>
      <translation>&amp;Name:</translation>
    </message>
    <message>
      <source>&amp;Sigla:</source>
      <translation>A&amp;cronym:</translation>
    </message>
    <message>
      <source>&amp;Tipo:</source>
      <translation>&amp;Type:</translation>
    </message>
    <message>
      <source>Con&amp;venio:</source>
      <translation>A&amp;greement:</translation>
    </message>
    <message>
      <source>Editar entidad</source>
      <translation>Edit partner</translation>
    </message>
    <message>
      <source>Fin del convenio:</source>
      <translation>Agreement end:</translation>
    </message>
    <message>
      <source>Inicio del convenio:</source>
      <translation>Agreement start:</translation>
    </message>
    <message>
      <source>NI&amp;T:</source>
      <translation>NI&amp;T (tax id):</translation>
    </message>
    <message>
      <source>No&amp;tas:</source>
      <translation>No&amp;tes:</translation>
    </message>
    <message>
      <source>Nueva entidad</source>
      <translation>New partner</translation>
    </message>
    <message>
      <source>Sitio &amp;web:</source>
      <translation>&amp;Website:</translation>
    </message>
    <message>
      <source>Teléf&amp;ono:</source>
      <translation>Ph&amp;one:</translation>
    </message>
  </context>
  <context>
    <name>PartnersView</name>
    <message>
      <source>Archivada</source>
      <translation>Archived</translation>
    </message>
    <message>
      <source>Archivar</source>
      <translation>Archive</translation>
    </message>
    <message>
      <source>Buscar entidad</source>
      <translation>Search partner</translation>
    </message>
    <message>
      <source>Buscar entidad (Ctrl+F)</source>
      <translation>Search partner (Ctrl+F)</translation>
    </message>
    <message>
      <source>Cargo</source>
      <translation>Position</translation>
    </message>
    <message>
      <source>Compromisos</source>
      <translation>Commitments</translation>
    </message>
    <message>
      <source>Contactos</source>
      <translation>Contacts</translation>
    </message>
    <message>
      <source>Correo electrónico</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <source>Ctrl+N</source>
      <translation>Ctrl+N</translation>
    </message>
    <message>
      <source>Editar contacto…</source>
      <translation>Edit contact…</translation>
    </message>
    <message>
      <source>Editar…</source>
      <translation>Edit…</translation>
    </message>
    <message>
      <source>Entidades</source>
      <translation>Partners</translation>
    </message>
    <message>
      <source>Entidades aliadas</source>
      <translation>Partner entities</translation>
    </message>
    <message>
      <source>Estado</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Mostrar archivadas</source>
      <translation>Show archived</translation>
    </message>
    <message>
      <source>Nombre</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Nueva entidad</source>
      <translation>New partner</translation>
    </message>
    <message>
      <source>Nuevo contacto</source>
      <translation>New contact</translation>
    </message>
    <message>
      <source>Restaurar</source>
      <translation>Restore</translation>
    </message>
    <message>
      <source>Sigla</source>
      <translation>Acronym</translation>
    </message>
    <message>
      <source>Supr</source>
      <translation>Del</translation>
    </message>
    <message>
      <source>Teléfono</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>Tipo</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>Vencidos</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <source>Ver compromisos</source>
      <translation>See commitments</translation>
    </message>
    <message>
      <source>¿Archivar la entidad «{name}»? Sus compromisos se conservan; podrá restaurarla.</source>
      <translation>Archive the partner "{name}"? Its commitments are kept; you can restore it.</translation>
    </message>
    <message>
      <source>¿Restaurar la entidad «{name}»?</source>
      <translation>Restore the partner "{name}"?</translation>
    </message>
  </context>
  <context>
    <name>ProgramEditor</name>
    <message>
      <source>&amp;Componente:</source>
      <translation>&amp;Component:</translation>
    </message>
    <message>
      <source>&amp;Descripción:</source>
      <translation>&amp;Description:</translation>
    </message>
    <message>
      <source>&amp;Nombre:</source>
      <translation>&amp;Name:</translation>
    </message>
    <message>
      <source>(ninguna)</source>
      <translation>(none)</translation>
    </message>
    <message>
      <source>(ninguno)</source>
      <translation>(none)</translation>
    </message>
    <message>
      <source>Editar programa</source>
      <translation>Edit program</translation>
    </message>
    <message>
      <source>Entidad &amp;líder:</source>
      <translation>&amp;Lead partner:</translation>
    </message>
    <message>
      <source>Nuevo programa</source>
      <translation>New program</translation>
    </message>
  </context>
  <context>
    <name>ProgramsView</name>
    <message>
      <source>Componente</source>
      <translation>Component</translation>
    </message>
    <message>
      <source>Componentes de la estrategia</source>
      <translation>Components of the strategy</translation>
    </message>
    <message>
      <source>Compromisos</source>
      <translation>Commitments</translation>
    </message>
    <message>
      <source>Ctrl+N</source>
      <translation>Ctrl+N</translation>
    </message>
    <message>
      <source>Descripción</source>
      <translation>Description</translation>
    </message>
    <message>
      <source>Editar nombre…</source>
      <translation>Edit name…</translation>
    </message>
    <message>
      <source>Editar…</source>
      <translation>Edit…</translation>
    </message>
    <message>
      <source>Entidad líder</source>
      <translation>Lead partner</translation>
    </message>
    <message>
      <source>Español</source>
      <translation>Spanish</translation>
    </message>
    <message>
      <source>Inglés</source>
      <translation>English</translation>
    </message>
    <message>
      <source>N.º</source>
      <translation>No.</translation>
    </message>
    <message>
      <source>Nuevo programa</source>
      <translation>New program</translation>
    </message>
    <message>
      <source>Programa</source>
      <translation>Program</translation>
    </message>
    <message>
      <source>Programas</source>
      <translation>Programs</translation>
    </message>
  </context>
  <context>
    <name>Progress</name>
    <message>
      <source>Cancelar</source>
      <translation>Cancel</translation>
    </message>
  </context>
  <context>
    <name>ProgressEditor</name>
    <message>
      <source>&amp;Comentario:</source>
      <translation>&amp;Comment:</translation>
    </message>
    <message>
      <source>&amp;Estado:</source>
      <translation>&amp;Status:</translation>
    </message>
    <message>
      <source>&amp;Fecha:</source>
      <translation>&amp;Date:</translation>
    </message>
    <message>
      <source>&amp;Logrado:</source>
      <translation>&amp;Achieved:</translation>
    </message>
    <message>
      <source>(sin cambio)</source>
      <translation>(no change)</translation>
    </message>
    <message>
      <source>Añadir avance</source>
      <translation>Add progress update</translation>
    </message>
  </context>
  <context>
    <name>SelfCheck</name>
    <message>
      <source>editor {title} abierto y dibujado ({size})</source>
      <translation>editor {title} opened and drawn ({size})</translation>
    </message>
    <message>
      <source>falta qtbase_es.qm en {path}</source>
      <translation>qtbase_es.qm is missing from {path}</translation>
    </message>
    <message>
      <source>imagen vacía o demasiado pequeña ({size})</source>
      <translation>blank or too small image ({size})</translation>
    </message>
    <message>
      <source>la ventana principal no se abrió</source>
      <translation>the main window did not open</translation>
    </message>
    <message>
      <source>la vista no quedó a la vista</source>
      <translation>the view was not shown</translation>
    </message>
    <message>
      <source>no está</source>
      <translation>missing</translation>
    </message>
    <message>
      <source>presente</source>
      <translation>present</translation>
    </message>
    <message>
      <source>qtbase_es.qm en {path} («Cancel» → «Cancelar»); qtbase_en.qm: {en}</source>
      <translation>qtbase_es.qm in {path} (“Cancel” → “Cancelar”); qtbase_en.qm: {en}</translation>
    </message>
    <message>
      <source>qtbase_es.qm no traduce «Cancel» ({text})</source>
      <translation>qtbase_es.qm does not translate “Cancel” ({text})</translation>
    </message>
    <message>
      <source>sin respuesta tras {n} s</source>
      <translation>no answer after {n} s</translation>
    </message>
    <message>
      <source>ventana principal abierta en la base de ejemplo ({size}; menús: {menus})</source>
      <translation>main window opened on the sample database ({size}; menus: {menus})</translation>
    </message>
    <message>
      <source>vista {title} construida y dibujada ({size})</source>
      <translation>view {title} built and drawn ({size})</translation>
    </message>
  </context>
  <context>
    <name>SettingsView</name>
    <message>
      <source>&amp;Código del documento:</source>
      <translation>Document &amp;code:</translation>
    </message>
    <message>
      <source>&amp;Idioma:</source>
      <translation>&amp;Language:</translation>
    </message>
    <message>
      <source>&amp;Logotipo:</source>
      <translation>&amp;Logo:</translation>
    </message>
    <message>
      <source>&amp;Nombre de la organización:</source>
      <translation>Organisation &amp;name:</translation>
    </message>
    <message>
      <source>&amp;Tamaño de página:</source>
      <translation>&amp;Page size:</translation>
    </message>
    <message>
      <source>&amp;Versión:</source>
      <translation>&amp;Version:</translation>
    </message>
    <message>
      <source>A4</source>
      <translation>A4</translation>
    </message>
    <message>
      <source>Abrir carpeta</source>
      <translation>Open folder</translation>
    </message>
    <message>
      <source>Archivo:</source>
      <translation>File:</translation>
    </message>
    <message>
      <source>Base de datos</source>
      <translation>Database</translation>
    </message>
    <message>
      <source>Carpeta de &amp;exportación:</source>
      <translation>&amp;Export folder:</translation>
    </message>
    <message>
      <source>Carpeta de exportación</source>
      <translation>Export folder</translation>
    </message>
    <message>
      <source>Carta (Letter)</source>
      <translation>Letter</translation>
    </message>
    <message>
      <source>Configuración guardada.</source>
      <translation>Settings saved.</translation>
    </message>
    <message>
      <source>Elegir…</source>
      <translation>Choose…</translation>
    </message>
    <message>
      <source>Fecha de &amp;aprobación:</source>
      <translation>&amp;Approval date:</translation>
    </message>
    <message>
      <source>Fecha de aprobación: escriba la fecha como dd/mm/aaaa.</source>
      <translation>Approval date: type the date as dd/mm/yyyy.</translation>
    </message>
    <message>
      <source>Guardar</source>
      <translation>Save</translation>
    </message>
    <message>
      <source>Idioma</source>
      <translation>Language</translation>
    </message>
    <message>
      <source>Imágenes (*.png *.jpg *.jpeg)</source>
      <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
      <source>Logotipo</source>
      <translation>Logo</translation>
    </message>
    <message>
      <source>Organización y documentos (para todos los que usan esta base)</source>
      <translation>Organisation and documents (for everyone using this database)</translation>
    </message>
    <message>
      <source>Preferencias de este usuario</source>
      <translation>This user's preferences</translation>
    </message>
    <message>
      <source>Ruta de la base de datos</source>
      <translation>Database path</translation>
    </message>
  </context>
  <context>
    <name>TerritoryView</name>
    <message>
      <source>(sin clúster)</source>
      <translation>(no cluster)</translation>
    </message>
    <message>
      <source>Barrio</source>
      <translation>Neighbourhood</translation>
    </message>
    <message>
      <source>Barrios</source>
      <translation>Neighbourhoods</translation>
    </message>
    <message>
      <source>Clúster</source>
      <translation>Cluster</translation>
    </message>
    <message>
      <source>Clústeres</source>
      <translation>Clusters</translation>
    </message>
    <message>
      <source>Compromisos</source>
      <translation>Commitments</translation>
    </message>
    <message>
      <source>Comuna</source>
      <translation>Comuna</translation>
    </message>
    <message>
      <source>Ctrl+N</source>
      <translation>Ctrl+N</translation>
    </message>
    <message>
      <source>Editar…</source>
      <translation>Edit…</translation>
    </message>
    <message>
      <source>Nuevo barrio</source>
      <translation>New neighbourhood</translation>
    </message>
    <message>
      <source>Nuevo clúster</source>
      <translation>New cluster</translation>
    </message>
  </context>
  <context>
    <name>Views</name>
    <message>
      <source>Compromisos</source>
      <translation>Commitments</translation>
    </message>
    <message>
      <source>Configuración</source>
      <translation>Settings</translation>
    </message>
    <message>
      <source>Entidades</source>
      <translation>Partners</translation>
    </message>
    <message>
      <source>Informes</source>
      <translation>Reports</translation>
    </message>
    <message>
      <source>Panel</source>
      <translation>Dashboard</translation>
    </message>
    <message>
      <source>Programas</source>
      <translation>Programs</translation>
    </message>
    <message>
      <source>Reuniones</source>
      <translation>Meetings</translation>
    </message>
    <message>
      <source>Territorio</source>
      <translation>Territory</translation>
    </message>
  </context>
  <context>
    <name>WelcomeDialog</name>
    <message>
      <source>&lt;h3&gt;Bienvenido&lt;/h3&gt;&lt;p&gt;No hay todavía una base de datos. Se creará en:&lt;/p&gt;&lt;p&gt;&lt;tt&gt;{path}&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;¿Cómo desea empezar?&lt;/p&gt;</source>
      <translation>&lt;h3&gt;Welcome&lt;/h3&gt;&lt;p&gt;There is no database yet. It will be created at:&lt;/p&gt;&lt;p&gt;&lt;tt&gt;{path}&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;How would you like to start?&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Base de datos vacía, para mis datos reales</source>
      <translation>Empty database, for my real data</translation>
    </message>
    <message>
      <source>Bienvenido a PAZOS Coordinación</source>
      <translation>Welcome to PAZOS Coordinación</translation>
    </message>
    <message>
      <source>Datos de ejemplo de Palmira, para conocer el programa</source>
      <translation>Palmira sample data, to get to know the program</translation>
    </message>
  </context>
  <context>
    <name>Widgets</name>
    <message>
      <source>dd/mm/aaaa</source>
      <translation>dd/mm/yyyy</translation>
    </message>
  </context>
</TS>
